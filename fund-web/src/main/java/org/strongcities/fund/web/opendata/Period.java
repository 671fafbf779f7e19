package org.strongcities.fund.web.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates an export covers, both inclusive, in UTC; either end may be open. An award belongs to
 * the period of the day it was made; a money movement to the day it was recorded.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The database and the standards only know four-digit years; anything else is a typing error. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9998;

    public static Period all() {
        return new Period(null, null);
    }

    /** Start of the first day, or the beginning of time. */
    public Instant start() {
        return from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Start of the day after the last, or far in the future. */
    public Instant endExclusive() {
        return to == null ? LocalDate.of(9999, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean isOutOfRange() {
        return outside(from) || outside(to);
    }

    private static boolean outside(LocalDate date) {
        return date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR);
    }

    public boolean isBackwards() {
        return from != null && to != null && to.isBefore(from);
    }
}
