package org.strongcities.fund.web.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.platform.FundProperties;

/**
 * Demo mode seeds believable data and shows the demo logins on the sign-in page. "auto" turns it on
 * only for the embedded default, so that a real deployment on its own PostgreSQL never advertises
 * passwords.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    public DemoMode(FundProperties properties, Environment environment) {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isEmpty();
        this.enabled = switch (properties.demo().toLowerCase()) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> embedded;
        };
    }

    public boolean enabled() {
        return enabled;
    }
}
