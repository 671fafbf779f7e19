package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strongcities.fund.web.support.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by an earlier release upgrades under the application's own Flyway settings
 * (application.yml): a migration numbered below db/process's V30 still applies, and a Camunda
 * database recorded at the full history level is moved to the audit level the engine now runs at.
 */
class DatabaseUpgradeTest {

    @Test
    void anEarlierReleasesDatabaseTakesTheNewMigrationsAndTheAuditHistoryLevel() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("upgrade"), 0)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.jdbcUrl(), database.username(), "", true));
            migrate(database);
            // As an earlier release left it: every migration up to V30 applied but V27, and Camunda's
            // record of the level it ran at then.
            jdbc.execute("CREATE TABLE act_ge_property (name_ varchar(64) PRIMARY KEY, value_ varchar(300), rev_ integer)");
            jdbc.update("INSERT INTO act_ge_property VALUES ('historyLevel', '3', 1)");
            jdbc.update("DELETE FROM flyway_schema_history WHERE version = '27'");

            migrate(database);

            assertThat(jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'", String.class))
                    .isEqualTo("2");
            assertThat(jdbc.queryForObject("SELECT success FROM flyway_schema_history WHERE version = '27'", Boolean.class))
                    .isTrue();
        }
    }

    /** Flyway as the application configures it, and nothing else of the application. */
    private static void migrate(EmbeddedDatabase database) {
        new SpringApplicationBuilder(FlywayOnly.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                        "--spring.main.banner-mode=off")
                .close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class FlywayOnly {
    }
}
