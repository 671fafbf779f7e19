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

    /** The most characters of a one-line text: a reference, a purpose, the source of a rate. */
    public static final int LINE = 200;

    /** A one-line text: present, and short enough to be shown and read as one line. */
    public static String requireLine(String value, String message) {
        requireText(value, message);
        require(value.length() <= LINE, message + ": at most " + LINE + " characters, this one has " + value.length());
        return value;
    }
}
