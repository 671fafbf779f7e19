package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** amount in USD; purpose (nullable) is matched against contributions earmarked for a purpose. */
public record MakeAwardCommand(
        String awardId,
        String applicationId,
        String cityId,
        Region region,
        Set<StrategicPriority> priorities,
        SupportType supportType,
        String purpose,
        Money amount,
        List<BudgetLine> budgetLines,
        List<TrancheSchedule> tranches,
        List<ReportingObligation> reportingObligations,
        String conditions,
        LocalDate endDate,
        List<FundingAllocation> allocations,
        String actor) {
}
