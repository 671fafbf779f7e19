package org.strongcities.fund.web.reports;

import org.springframework.http.HttpStatus;
import org.strongcities.fund.web.platform.TypedDates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a report covers, both included. A movement belongs to the day money moved: a receipt to
 * its value date, every other movement to the day (UTC) it was recorded.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** The period asked for; a missing end is the current calendar year's. Bad input is a 400, never a 500. */
    static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate start = blank(from) ? LocalDate.of(today.getYear(), 1, 1) : date(from, "from");
        LocalDate end = blank(to) ? LocalDate.of(today.getYear(), 12, 31) : date(to, "to");
        if (end.isBefore(start)) {
            throw new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.toBeforeFrom", start, end);
        }
        return new ReportPeriod(start, end);
    }

    static ReportPeriod year(String year, LocalDate today) {
        int value;
        if (blank(year)) {
            value = today.getYear();
        } else {
            try {
                value = Integer.parseInt(year.trim());
            } catch (NumberFormatException notANumber) {
                throw new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.year", year);
            }
        }
        if (value < FIRST_YEAR || value > LAST_YEAR) {
            throw new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.year", year);
        }
        return new ReportPeriod(LocalDate.of(value, 1, 1), LocalDate.of(value, 12, 31));
    }

    public int year() {
        return from.getYear();
    }

    private static LocalDate date(String text, String parameter) {
        try {
            LocalDate date = TypedDates.parse(text);
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.dateRange", parameter, text, FIRST_YEAR, LAST_YEAR);
            }
            return date;
        } catch (DateTimeParseException unparseable) {
            throw new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.date", parameter, text);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
