package org.strongcities.fund.domain.api;

/**
 * A command broke a rule of the fund. The message is shown to the person as a form error, so it
 * says in plain words which rule was broken, for which case and with which figures.
 */
public class BusinessRuleViolation extends RuntimeException {

    public BusinessRuleViolation(String message) {
        super(message);
    }

    /** Rejects with the message when the condition does not hold; keeps rule checks one line each. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new BusinessRuleViolation(message);
        }
    }

    public static String requireText(String value, String message) {
        require(value != null && !value.isBlank(), message);
        return value;
    }
}
