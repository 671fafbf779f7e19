package org.strongcities.fund.web.asof;

import java.math.BigDecimal;

/**
 * One contribution's ledger in USD at a moment. committed follows the domain's Contribution:
 * commitments minus releases minus refunds (refunded money is free to be awarded again);
 * available = received - committed is what a new award may take.
 */
public record ContributionBalance(String contributionId, String donorId, String donorName, String earmark,
                                  boolean signed, BigDecimal received, BigDecimal committed, BigDecimal disbursed,
                                  BigDecimal refunded) {

    public BigDecimal available() {
        return received.subtract(committed);
    }
}
