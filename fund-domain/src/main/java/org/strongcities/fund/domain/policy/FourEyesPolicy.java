package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.BusinessRuleViolation;

/**
 * Two different people take part in every decision about money: the one who asks and the one
 * who approves; the one who applies, the one who approves and the one who pays out.
 */
public final class FourEyesPolicy {

    private FourEyesPolicy() {
    }

    public static boolean distinct(String first, String second) {
        return first != null && second != null && !first.trim().equalsIgnoreCase(second.trim());
    }

    /** Rejects when the account already acted in an earlier role on the same case. */
    public static void requireDistinct(String earlierActor, String earlierRole, String actor, String role, String caseName) {
        BusinessRuleViolation.require(distinct(earlierActor, actor),
                "Four eyes: " + actor + " is the " + earlierRole + " of " + caseName
                        + " and cannot also be the " + role + "; another account must do this");
    }
}
