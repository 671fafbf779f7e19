package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.FundApplication;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed, stop, start again on the same data directory: everything is still there, nothing seeded twice. */
class RestartKeepsDataTest {

    @Test
    void theWholeApplicationRestartsOnItsData() {
        Path data = ApplicationTest.freshDataDirectory("restart-app");
        int events;
        int accounts;
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            events = count(jdbc, "domainevententry");
            accounts = count(jdbc, "account");
            assertThat(events).as("demo seeded through commands").isGreaterThan(20);
            assertThat(accounts).isGreaterThan(5);
        }
        try (ConfigurableApplicationContext second = start(data)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "domainevententry")).isEqualTo(events);
            assertThat(count(jdbc, "account")).isEqualTo(accounts);
            assertThat(count(jdbc, "demo_seed")).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        // Command-line arguments: builder properties would rank below application.yml.
        return new SpringApplicationBuilder(FundApplication.class)
                .run("--server.port=0", "--fund.data-dir=" + data, "--fund.demo=true");
    }

    private static int count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}
