package org.strongcities.fund.domain.api;

public enum MembershipStatus {
    ACTIVE, SUSPENDED, ENDED
}
