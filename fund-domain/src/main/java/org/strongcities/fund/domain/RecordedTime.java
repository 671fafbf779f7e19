package org.strongcities.fund.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The domain's today: the day, in UTC, that Axon stamps on the events a command stores. Rules
 * about "not in the future" and "not already past" read the same clock that records when the fact
 * happened, so the stored fact and the check agree, and a test or a history import that moves
 * Axon's clock ({@link GenericEventMessage#clock}) moves the rules with it.
 */
public final class RecordedTime {

    private RecordedTime() {
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZoneOffset.UTC);
    }
}
