package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** applicants and decidedBy are kept so that none of them can pay the award out. */
@Revision("1")
public record AwardMadeEvent(
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
        List<String> applicants,
        List<String> decidedBy,
        String actor) {
}
