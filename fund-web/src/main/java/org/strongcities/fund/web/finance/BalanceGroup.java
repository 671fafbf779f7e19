package org.strongcities.fund.web.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The balances of several contributions added up (per donor, per earmark); pledges stay per currency. */
public record BalanceGroup(String key, String label, Map<String, BigDecimal> pledged, BigDecimal received,
                           BigDecimal committed, BigDecimal disbursed, BigDecimal refunded, int contributions) {

    public BigDecimal available() {
        return received.subtract(committed);
    }

    public BigDecimal netPaid() {
        return disbursed.subtract(refunded);
    }

    public BigDecimal undrawn() {
        return committed.subtract(netPaid());
    }

    /** Groups the balances by key, in the order the keys first appear. */
    public static List<BalanceGroup> of(List<ContributionBalance> balances, Function<ContributionBalance, String> key,
                                        Function<ContributionBalance, String> label) {
        Map<String, BalanceGroup> groups = new LinkedHashMap<>();
        for (ContributionBalance b : balances) {
            groups.merge(key.apply(b), single(key.apply(b), label.apply(b), b), BalanceGroup::plus);
        }
        return List.copyOf(groups.values());
    }

    public static BalanceGroup total(String label, List<ContributionBalance> balances) {
        return of(balances, b -> "total", b -> label).stream().findFirst()
                .orElse(new BalanceGroup("total", label, Map.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0));
    }

    private static BalanceGroup single(String key, String label, ContributionBalance b) {
        Map<String, BigDecimal> pledged = new TreeMap<>();
        pledged.put(b.pledgedCurrency(), b.pledged());
        return new BalanceGroup(key, label, pledged, b.received(), b.committed(), b.disbursed(), b.refunded(), 1);
    }

    private BalanceGroup plus(BalanceGroup other) {
        Map<String, BigDecimal> sum = new TreeMap<>(pledged);
        other.pledged.forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add));
        return new BalanceGroup(key, label, sum, received.add(other.received), committed.add(other.committed),
                disbursed.add(other.disbursed), refunded.add(other.refunded), contributions + other.contributions);
    }
}
