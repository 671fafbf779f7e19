package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.support.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationBootTest extends ApplicationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void loginPageRendersWithTheDemoLogins() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("Sign in", "name=\"_csrf\"", "focal.nairobi", "finance.approver");
    }

    @Test
    void pagesNeedASignedInUser() {
        ResponseEntity<String> home = http.getForEntity("/", String.class);
        assertThat(home.getBody()).contains("Sign in");
    }

    @Test
    void theDatabaseIsDurable() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
    }

    @Test
    void noReadModelColumnLimitsTheTextAnEventMayCarry() {
        // A projection has no one to tell that a text is too long: the domain sets the limits (V28). Codes of
        // fixed width (country, currency) are checked against their ISO lists by the domain.
        assertThat(jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND (table_name LIKE 'rm\\_%' OR table_name = 'notice')
                  AND data_type = 'character varying' AND character_maximum_length IS NOT NULL""", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 'rm_tranche'"
                + " AND column_name = 'payment_reference' AND data_type = 'text'", Integer.class)).isEqualTo(1);
    }

    @Test
    void axonAndCamundaKeepTheirTablesInTheSameDatabase() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'domainevententry'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'act_ru_execution'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'", String.class)).isEqualTo("2");
    }
}
