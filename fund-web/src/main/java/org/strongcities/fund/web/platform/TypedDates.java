package org.strongcities.fund.web.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date a person typed, as year-month-day with a four-digit year. {@link LocalDate#parse} also reads
 * "+999999999-12-31": a day no award period can be counted from (adding the reporting grace overflows,
 * which answered 500) and no database date column can hold. Every form and parameter reads dates here.
 */
public final class TypedDates {

    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private TypedDates() {
    }

    /** The typed day (surrounding blanks ignored); DateTimeParseException when it is not one, as LocalDate.parse. */
    public static LocalDate parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!YEAR_MONTH_DAY.matcher(text).matches()) {
            throw new DateTimeParseException("Not a year-month-day date with a four-digit year", text, 0);
        }
        return LocalDate.parse(text);
    }
}
