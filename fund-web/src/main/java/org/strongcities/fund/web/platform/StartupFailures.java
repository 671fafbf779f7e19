package org.strongcities.fund.web.platform;

import org.springframework.boot.web.server.PortInUseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns the exceptions that commonly stop the application at start-up into one line that says what
 * to fix, because a stack trace of a hundred lines hides a wrong password or a busy port.
 */
public final class StartupFailures {

    private StartupFailures() {
    }

    public static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem problem) {
                return Optional.of(problem.getMessage());
            }
            if (t instanceof PortInUseException portInUse) {
                return Optional.of("Port " + portInUse.getPort() + " is already in use: stop the program using it "
                        + "or start this one on a free port with SERVER_PORT=<port>.");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> database = explainSqlState(sql);
                if (database.isPresent()) {
                    return database;
                }
            }
            if (t instanceof UnknownHostException host) {
                return Optional.of("The database host " + host.getMessage() + " is unknown: correct the host in "
                        + "SPRING_DATASOURCE_URL or unset it to use the embedded database.");
            }
            if (t instanceof ConnectException) {
                return Optional.of("No database answers at SPRING_DATASOURCE_URL (" + t.getMessage() + "): start "
                        + "PostgreSQL, correct the host and port, or unset it to use the embedded database.");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> explainSqlState(SQLException sql) {
        return switch (sql.getSQLState()) {
            case "28P01", "28000" -> Optional.of("PostgreSQL rejected the user name or password: correct "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
            case "3D000" -> Optional.of("The database named in SPRING_DATASOURCE_URL does not exist: create it "
                    + "(createdb) or correct the name in the URL.");
            case "08001", "08004", "08006" -> Optional.of("No database answers at SPRING_DATASOURCE_URL ("
                    + sql.getMessage() + "): start PostgreSQL, correct the host and port, or unset it to use the "
                    + "embedded database.");
            default -> Optional.empty();
        };
    }
}
