package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContributionAgreementSignedEvent(
        String contributionId,
        String donorId,
        Money pledged,
        LocalDate periodStart,
        LocalDate periodEnd,
        Earmark earmark,
        String actor) {
}
