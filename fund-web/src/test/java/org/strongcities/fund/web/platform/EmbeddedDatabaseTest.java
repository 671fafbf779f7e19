package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedWithAClearMessage() {
        Path directory = ApplicationTest.freshDataDirectory("second-instance");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory, 0))
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("is in use by another running instance")
                    .hasMessageContaining("FUND_DATA_DIR");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void dataSurvivesAStopAndStart() throws Exception {
        Path directory = ApplicationTest.freshDataDirectory("restart-db");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0);
             var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note TEXT)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0);
             var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsRefusedWithAClearMessage() throws Exception {
        Path notADirectory = Files.createTempFile(ApplicationTest.freshDataDirectory("read-only"), "plain", ".file");
        assertThatThrownBy(() -> EmbeddedDatabase.start(notADirectory.resolve("data"), 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("is not writable")
                .hasMessageContaining("FUND_DATA_DIR");

        Path readOnly = ApplicationTest.freshDataDirectory("read-only-mode");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && readOnly.toFile().setWritable(false, false)) {
            // Only meaningful for an ordinary user: root writes through permission bits.
            assertThatThrownBy(() -> EmbeddedDatabase.start(readOnly, 0)).hasMessageContaining("is not writable");
            readOnly.toFile().setWritable(true, false);
        }
    }
}
