package org.strongcities.fund.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.strongcities.fund.web.platform.StartupFailures;

// The process glue (delegates, bridges, task service) lives in fund-process, under the same root package.
@SpringBootApplication(scanBasePackages = "org.strongcities.fund")
@ConfigurationPropertiesScan
public class FundApplication {

    public static void main(String[] args) {
        // The update checker would phone home on every start; the fund runs on closed networks too.
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            SpringApplication.run(FundApplication.class, args);
        } catch (Throwable failure) {
            String message = StartupFailures.explain(failure).orElse(null);
            if (message == null) {
                throw failure;
            }
            System.err.println("Cannot start: " + message);
            System.exit(1);
        }
    }
}
