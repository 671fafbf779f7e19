package org.strongcities.fund.domain.api;

/** The part of an award (in USD) that a contribution pays for. */
public record FundingAllocation(String contributionId, Money usd) {
}
