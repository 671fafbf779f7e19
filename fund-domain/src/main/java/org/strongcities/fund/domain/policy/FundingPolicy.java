package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Money;
import java.util.ArrayList;
import java.util.List;

/** How money may be committed to awards and drawn from the contributions behind them. */
public final class FundingPolicy {

    private FundingPolicy() {
    }

    /** An award may not take more than the uncommitted balance of a contribution. */
    public static boolean mayCommit(Money available, Money amount) {
        return amount.isPositive() && !amount.isGreaterThan(available);
    }

    /**
     * Splits an amount over contributions, taking from each in the given order up to what it can
     * still give. Used for tranche payments (capacity: committed but not yet paid) and for refunds
     * (capacity: paid and not yet refunded), so money always returns to where it came from.
     *
     * @throws IllegalStateException when the capacities do not cover the amount; callers check the
     *     total first, so this only signals a bookkeeping bug
     */
    public static List<FundingAllocation> drawInOrder(Money amount, List<FundingAllocation> capacities) {
        List<FundingAllocation> draws = new ArrayList<>();
        Money left = amount;
        for (FundingAllocation capacity : capacities) {
            if (!left.isPositive()) {
                break;
            }
            Money take = left.min(capacity.usd());
            if (take.isPositive()) {
                draws.add(new FundingAllocation(capacity.contributionId(), take));
                left = left.minus(take);
            }
        }
        if (left.isPositive()) {
            throw new IllegalStateException(left + " of " + amount + " is not covered by " + capacities);
        }
        return draws;
    }
}
