package org.strongcities.fund.web.finance;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sums of funded activities by city, region or priority, largest first. A sensitive case adds to its
 * region and priorities only; by city it counts under one "not disclosed" line. An award that serves
 * several priorities counts in full under each of them.
 */
public final class ActivityTotals {

    /** One line of a breakdown. */
    public record Line(String label, BigDecimal amount, int activities) {
    }

    private ActivityTotals() {
    }

    public static List<Line> byCity(List<FundedActivity> activities, Function<FundedActivity, BigDecimal> amount,
                                    String undisclosed) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (FundedActivity a : activities) {
            add(lines, a.sensitive() || a.cityName() == null ? undisclosed : a.cityName(), amount.apply(a));
        }
        return sorted(lines);
    }

    public static List<Line> byRegion(List<FundedActivity> activities, Function<FundedActivity, BigDecimal> amount) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (FundedActivity a : activities) {
            add(lines, a.regionName(), amount.apply(a));
        }
        return sorted(lines);
    }

    public static List<Line> byPriority(List<FundedActivity> activities, Function<FundedActivity, BigDecimal> amount) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (FundedActivity a : activities) {
            for (String priority : a.priorityNames()) {
                add(lines, priority, amount.apply(a));
            }
        }
        return sorted(lines);
    }

    public static List<Charts.Bar> bars(List<Line> lines) {
        return Charts.bars(lines, Line::label, Line::amount);
    }

    private static void add(Map<String, Line> lines, String label, BigDecimal amount) {
        lines.merge(label, new Line(label, amount, 1),
                (a, b) -> new Line(a.label(), a.amount().add(b.amount()), a.activities() + b.activities()));
    }

    private static List<Line> sorted(Map<String, Line> lines) {
        return sorted(lines.values());
    }

    /** Largest amount first, then by label: the order of every breakdown, summed here or in SQL. */
    public static List<Line> sorted(Collection<Line> lines) {
        return lines.stream().sorted(Comparator.comparing(Line::amount).reversed()
                .thenComparing(Line::label, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }
}
