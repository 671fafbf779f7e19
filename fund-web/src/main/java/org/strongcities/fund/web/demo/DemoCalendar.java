package org.strongcities.fund.web.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The demo's dates. The demo was written on {@link #WRITTEN_FOR}: its agreement periods, receipts,
 * payments, award end and due dates and the Kampala case's past are written as dates of the
 * calendar of that day. Seeded on another day, every one of them moves by the days between the two,
 * so each keeps its place relative to the day of seeding (a receipt ten months back, a report due
 * in two months, one already overdue) and to the others, and the domain's rules about today (a
 * report due no earlier than the award, a receipt not after today) hold on any day of seeding.
 */
public record DemoCalendar(LocalDate seededOn) {

    /** The day the demo's dates were written for. */
    public static final LocalDate WRITTEN_FOR = LocalDate.of(2026, 11, 26);

    public DemoCalendar {
        if (seededOn == null) {
            throw new IllegalArgumentException("The demo calendar needs the day it is seeded");
        }
    }

    public static DemoCalendar seededOn(LocalDate day) {
        return new DemoCalendar(day);
    }

    /** The date written as {@code year-month-day} for {@link #WRITTEN_FOR}, on the day the demo is seeded. */
    public LocalDate date(int year, int month, int dayOfMonth) {
        return shift(LocalDate.of(year, month, dayOfMonth));
    }

    /** A date written for {@link #WRITTEN_FOR}, moved to the day the demo is seeded. */
    public LocalDate shift(LocalDate written) {
        return written.plusDays(ChronoUnit.DAYS.between(WRITTEN_FOR, seededOn));
    }
}
