package org.strongcities.fund.domain.api;

public enum DecisionType {
    APPROVE_IN_FULL, APPROVE_PARTIALLY, DECLINE;

    /** The status an application takes once this decision is final (confirmed, where it needs a second person). */
    public ApplicationStatus decidedStatus() {
        return switch (this) {
            case APPROVE_IN_FULL -> ApplicationStatus.AWARDED;
            case APPROVE_PARTIALLY -> ApplicationStatus.PARTIALLY_AWARDED;
            case DECLINE -> ApplicationStatus.DECLINED;
        };
    }
}
