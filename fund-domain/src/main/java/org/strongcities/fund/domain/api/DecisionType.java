package org.strongcities.fund.domain.api;

public enum DecisionType {
    APPROVE_IN_FULL, APPROVE_PARTIALLY, DECLINE
}
