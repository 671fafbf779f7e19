package org.strongcities.fund.domain.policy;

import java.time.LocalDate;

/**
 * The value date of money received from a donor: the day it reached the fund's account. It cannot
 * be later than the day the receipt is recorded, and it falls within the agreement's period, because
 * money outside the period belongs to another agreement or needs this one's period amended first.
 * Nor is it earlier than {@link ContributionLimits#EARLIEST_START}, when no agreement could exist yet:
 * an agreement recorded before that limit could still have a period reaching back further.
 */
public final class ReceiptDating {

    private ReceiptDating() {
    }

    /** What is wrong with the value date, or null when it fits. */
    public static String problem(LocalDate valueDate, LocalDate recordedOn, LocalDate periodStart, LocalDate periodEnd) {
        if (valueDate.isAfter(recordedOn)) {
            return "has a value date of " + valueDate + ", after today (" + recordedOn
                    + "); record money once it has arrived, with the day it arrived";
        }
        if (ContributionLimits.isBeforeEarliest(valueDate)) {
            return "has a value date of " + valueDate + ", before " + ContributionLimits.EARLIEST_START
                    + ", when the fund had no agreements yet; check the year";
        }
        if (valueDate.isBefore(periodStart) || valueDate.isAfter(periodEnd)) {
            return "has a value date of " + valueDate + ", outside the agreement's period " + periodStart + " to " + periodEnd
                    + "; record it on the agreement it belongs to, or amend this agreement's period first";
        }
        return null;
    }
}
