package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.TrancheSchedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When an award's tranches may be planned: within the award's period, from the day it is made to
 * the day it ends. Money planned before the award exists was never promised by it, and money
 * planned after it ends would pay for work the award no longer covers (reports on that work are
 * what {@link ReportingPeriod} gives its grace for, not payments).
 */
public final class TrancheDates {

    private TrancheDates() {
    }

    /** Every planned date outside the award's period, empty when they all fit. */
    public static List<String> problems(List<TrancheSchedule> tranches, LocalDate madeOn, LocalDate endDate) {
        List<String> problems = new ArrayList<>();
        if (endDate == null || endDate.isBefore(madeOn)) {
            return problems; // ReportingPeriod names a missing or early end date
        }
        for (TrancheSchedule tranche : tranches) {
            LocalDate planned = tranche.plannedDate();
            if (planned == null) {
                continue; // AwardTerms names a missing planned date
            }
            if (planned.isBefore(madeOn)) {
                problems.add("tranche " + tranche.trancheId() + " planned on or after " + madeOn
                        + ", the day the award is made (was " + planned + ")");
            } else if (planned.isAfter(endDate)) {
                problems.add("tranche " + tranche.trancheId() + " planned on or before " + endDate
                        + ", the day the award ends (was " + planned + ")");
            }
        }
        return problems;
    }
}
