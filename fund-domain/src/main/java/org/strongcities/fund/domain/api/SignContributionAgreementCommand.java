package org.strongcities.fund.domain.api;

import java.time.LocalDate;

public record SignContributionAgreementCommand(
        String contributionId,
        String donorId,
        Money pledged,
        LocalDate periodStart,
        LocalDate periodEnd,
        Earmark earmark,
        String actor) {
}
