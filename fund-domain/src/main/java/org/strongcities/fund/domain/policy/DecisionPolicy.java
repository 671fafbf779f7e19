package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;

/** When a funding decision needs a second approver before it takes effect. */
public final class DecisionPolicy {

    private DecisionPolicy() {
    }

    /**
     * Declines never need confirmation. An approval needs it when the routing table says so for its
     * amount, and always when it is not in USD, because without a rate of the day nobody can tell
     * whether it is above the threshold.
     */
    public static boolean needsSecondApprover(DecisionType decisionType, Money approvedAmount, boolean routingRequiresIt) {
        if (decisionType == DecisionType.DECLINE) {
            return false;
        }
        return routingRequiresIt || !approvedAmount.isUsd();
    }
}
