package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

/** Marks the approved application as awarded, so it is awarded only once. */
@Revision("1")
public record AwardRecordedOnApplicationEvent(
        String applicationId,
        String awardId,
        Money amount,
        String actor) {
}
