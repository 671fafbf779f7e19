package org.strongcities.fund.web.platform;

/** A start-up failure whose message already tells the operator what to fix. */
public class StartupProblem extends RuntimeException {
    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
