package org.strongcities.fund.web.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The PostgreSQL driver binds OffsetDateTime to timestamptz without guessing a time zone. Rounded to
 * the microsecond here, as the driver rounds (half up), because a rebuild writes the same instants as
 * COPY text, which PostgreSQL would round its own way.
 */
final class Instants {
    private Instants() {
    }

    static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            return null;
        }
        int belowMicro = instant.getNano() % 1_000;
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return (belowMicro > 499 ? micros.plus(1, ChronoUnit.MICROS) : micros).atOffset(ZoneOffset.UTC);
    }
}
