package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.strongcities.fund.web.FundApplication;
import org.strongcities.fund.web.support.ApplicationTest;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StartupFailuresTest {

    @Test
    void aWrongDatabaseUrlStopsTheApplicationWithOneLineThatSaysWhatToFix() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FundApplication.class)
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/fund",
                        "--spring.datasource.username=fund", "--spring.datasource.password=wrong",
                        "--spring.datasource.hikari.initialization-fail-timeout=1",
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--server.port=0", "--fund.data-dir=" + ApplicationTest.freshDataDirectory("wrong-url")));

        assertThat(StartupFailures.explain(failure)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("No database answers at SPRING_DATASOURCE_URL")
                .doesNotContain("\n"));
    }

    @Test
    void anUnknownDatabaseNameIsExplained() {
        Throwable failure = catchThrowable(() -> {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("no-such-db"), 0)) {
                DriverManager.getConnection(database.jdbcUrl().replace("/postgres", "/no_such_database"), "postgres", "");
            }
        });
        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(StartupFailures.explain(failure)).hasValueSatisfying(message ->
                assertThat(message).contains("does not exist").contains("SPRING_DATASOURCE_URL"));
    }

    @Test
    void wrongDatabaseCredentialsAreExplained() {
        SQLException rejected = new SQLException("password authentication failed for user \"fund\"", "28P01");
        assertThat(StartupFailures.explain(new IllegalStateException(rejected))).hasValueSatisfying(message ->
                assertThat(message).contains("SPRING_DATASOURCE_USERNAME").contains("SPRING_DATASOURCE_PASSWORD"));
    }

    @Test
    void aPortInUseIsExplained() {
        assertThat(StartupFailures.explain(new PortInUseException(8080))).hasValueSatisfying(message ->
                assertThat(message).isEqualTo("Port 8080 is already in use: stop the program using it "
                        + "or start this one on a free port with SERVER_PORT=<port>."));
    }

    @Test
    void unknownFailuresAreLeftToSpring() {
        assertThat(StartupFailures.explain(new IllegalStateException("something else"))).isEmpty();
    }
}
