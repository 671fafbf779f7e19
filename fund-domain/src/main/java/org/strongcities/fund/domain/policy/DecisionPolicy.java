package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;

/** When a funding decision needs a second approver before it takes effect. */
public final class DecisionPolicy {

    /** Approvals above this amount are confirmed by a second approver (four eyes). */
    public static final Money CONFIRMATION_THRESHOLD = Money.usd("25000");

    private DecisionPolicy() {
    }

    /**
     * Declines never need confirmation. An approval in another currency than USD always does,
     * because without a rate of the day the domain cannot tell whether it is above the threshold.
     */
    public static boolean needsSecondApprover(DecisionType decisionType, Money approvedAmount) {
        if (decisionType == DecisionType.DECLINE) {
            return false;
        }
        return !approvedAmount.isUsd() || approvedAmount.isGreaterThan(CONFIRMATION_THRESHOLD);
    }
}
