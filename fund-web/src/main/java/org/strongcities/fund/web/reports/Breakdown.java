package org.strongcities.fund.web.reports;

import org.strongcities.fund.web.finance.FundedActivity;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One line of a donor report's breakdown: the awards of a region, priority or city and what moved
 * for them in the period. By city, a sensitive case counts under its region's "city not disclosed"
 * line, never under its city; an award that serves several priorities counts in full under each.
 */
public record Breakdown(String label, int activities, BigDecimal committed, BigDecimal disbursed, BigDecimal refunded) {

    static List<Breakdown> byRegion(List<FundedActivity> activities) {
        return group(activities, a -> List.of(a.regionName()));
    }

    static List<Breakdown> byPriority(List<FundedActivity> activities) {
        return group(activities, FundedActivity::priorityNames);
    }

    /** undisclosed makes the label of a region's sensitive cases from the region's name. */
    static List<Breakdown> byCity(List<FundedActivity> activities, Function<String, String> undisclosed) {
        return group(activities, a -> List.of(a.sensitive() || a.cityName() == null
                ? undisclosed.apply(a.regionName()) : a.cityName()));
    }

    private static List<Breakdown> group(List<FundedActivity> activities, Function<FundedActivity, List<String>> labels) {
        Map<String, Breakdown> lines = new LinkedHashMap<>();
        for (FundedActivity a : activities) {
            for (String label : labels.apply(a)) {
                lines.merge(label, new Breakdown(label, 1, a.committed(), a.disbursed(), a.refunded()), Breakdown::plus);
            }
        }
        return lines.values().stream().sorted(Comparator.comparing(Breakdown::committed).reversed()
                .thenComparing(Breakdown::disbursed, Comparator.reverseOrder()).thenComparing(Breakdown::label)).toList();
    }

    private Breakdown plus(Breakdown other) {
        return new Breakdown(label, activities + other.activities, committed.add(other.committed),
                disbursed.add(other.disbursed), refunded.add(other.refunded));
    }
}
