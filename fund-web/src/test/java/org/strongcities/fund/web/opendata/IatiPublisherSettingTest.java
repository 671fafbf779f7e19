package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher of the open-data files is set from the environment, as application.yml documents
 * (FUND_IATI_ORG_REF, FUND_IATI_ORG_NAME), and the placeholder stays only when nothing is set. The
 * exports use these properties wherever they name the publisher (IatiExportTest, GivingExportTest).
 * Bound from the real application.yml without starting a second application context: every
 * application test shares one context and its database.
 */
class IatiPublisherSettingTest {

    @Test
    void theOrganisationComesFromTheEnvironment() throws Exception {
        OpenDataProperties configured = bind(Map.of("FUND_IATI_ORG_REF", "GB-CHC-1234567",
                "FUND_IATI_ORG_NAME", "SCN Secretariat"));
        assertThat(configured.reportingOrgRef()).isEqualTo("GB-CHC-1234567");
        assertThat(configured.reportingOrgName()).isEqualTo("SCN Secretariat");
    }

    @Test
    void withoutItThePlaceholderSaysSo() throws Exception {
        assertThat(bind(Map.of()).reportingOrgRef()).isEqualTo("XI-IATI-SCN-PLACEHOLDER");
    }

    private static OpenDataProperties bind(Map<String, Object> environment) throws Exception {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(spring.getPropertySources()::addLast);
        return Binder.get(spring).bind("fund.open-data", OpenDataProperties.class).get();
    }
}
