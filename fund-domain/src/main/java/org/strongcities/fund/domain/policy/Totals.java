package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.Money;
import java.util.List;

/** Parts of a sum (budget lines, tranches, allocations) must add up to the whole, in one currency. */
public final class Totals {

    private Totals() {
    }

    /**
     * Describes why the parts do not add up to the expected total, or returns null when they do.
     * The message names both figures so the person can see what to correct.
     */
    public static String mismatch(String parts, List<Money> amounts, Money expected) {
        for (Money amount : amounts) {
            if (amount == null) {
                return "every one of the " + parts + " needs an amount";
            }
            if (!amount.currency().equals(expected.currency())) {
                return "the " + parts + " must be in " + expected.currency() + ", found " + amount;
            }
            if (!amount.isPositive()) {
                return "every one of the " + parts + " must be more than zero, found " + amount;
            }
        }
        Money total = Money.sum(amounts, expected.currency());
        return total.equals(expected) ? null
                : "the " + parts + " add up to " + total + " but the total is " + expected;
    }
}
