package org.strongcities.fund.domain.api;

import java.time.LocalDate;

/**
 * A planned payment of an award. requiresReportId names the report that must be accepted before
 * this tranche is paid; only the first tranche may go without.
 */
public record TrancheSchedule(String trancheId, Money amount, LocalDate plannedDate, String requiresReportId) {
}
