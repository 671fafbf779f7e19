package org.strongcities.fund.web.finance;

import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.StrategicPriority;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * An award as shown outside the Management Unit (to a donor, to the public). For a case marked
 * sensitive the queries never read the award id, city or title: they are null, and only region,
 * priorities and amounts remain.
 */
public record FundedActivity(boolean sensitive, String awardId, String cityName, String title, Integer year,
                             String region, String priorities, BigDecimal committed, BigDecimal disbursed,
                             BigDecimal refunded) {

    public String regionName() {
        return regionName(region);
    }

    public List<String> priorityNames() {
        return priorityNames(priorities);
    }

    public BigDecimal netPaid() {
        return disbursed.subtract(refunded);
    }

    public static String regionName(String region) {
        try {
            return Region.valueOf(region).displayName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return region;
        }
    }

    public static List<String> priorityNames(String priorities) {
        if (priorities == null || priorities.isBlank()) {
            return List.of();
        }
        return Arrays.stream(priorities.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(p -> {
            try {
                return StrategicPriority.valueOf(p).displayName();
            } catch (IllegalArgumentException unknown) {
                return p;
            }
        }).toList();
    }
}
