package org.strongcities.fund.web.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.demo.DemoCalendar;

import java.time.LocalDate;

/** The calendar the demo was seeded with, from the day demo_seed keeps, for tests that name the demo's dates. */
public final class DemoDates {

    private DemoDates() {
    }

    public static DemoCalendar calendar(JdbcTemplate jdbc) {
        LocalDate seededOn = jdbc.queryForObject("SELECT (seeded_at AT TIME ZONE 'UTC')::date FROM demo_seed", LocalDate.class);
        return DemoCalendar.seededOn(seededOn);
    }
}
