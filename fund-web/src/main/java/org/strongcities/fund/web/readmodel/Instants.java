package org.strongcities.fund.web.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The PostgreSQL driver binds OffsetDateTime to timestamptz without guessing a time zone. */
final class Instants {
    private Instants() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
