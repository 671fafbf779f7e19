package org.strongcities.fund.domain.api;

public enum Recommendation {
    FUND_IN_FULL, FUND_PARTIALLY, REVISE_AND_RESUBMIT, DECLINE
}
