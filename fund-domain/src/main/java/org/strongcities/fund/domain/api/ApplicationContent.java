package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a city asks for. Every field may be empty while the application is a draft; submission
 * checks completeness (see policy.ApplicationCompleteness).
 */
public record ApplicationContent(
        String title,
        String summary,
        Set<StrategicPriority> priorities,
        SupportType supportType,
        Money requestedAmount,
        List<BudgetLine> budgetLines,
        LocalDate timelineStart,
        LocalDate timelineEnd,
        String objectives,
        List<Indicator> indicators,
        String risks,
        String doNoHarm,
        boolean sensitive) {

    public ApplicationContent {
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public static ApplicationContent empty() {
        return new ApplicationContent(null, null, null, null, null, null, null, null, null, null, null, null, false);
    }
}
