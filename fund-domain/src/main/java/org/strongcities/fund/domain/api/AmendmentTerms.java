package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The change an amendment asks for. MORE_MONEY: additionalAmount, additionalAllocations (the
 * contributions that fund it), additionalTranches and the new budgetLines for the whole award.
 * NEW_END_DATE: newEndDate. MOVE_BUDGET_LINES: budgetLines adding up to the unchanged amount.
 * Fields not used by the kind are null or empty.
 */
public record AmendmentTerms(
        Money additionalAmount,
        List<FundingAllocation> additionalAllocations,
        List<TrancheSchedule> additionalTranches,
        List<BudgetLine> budgetLines,
        LocalDate newEndDate) {

    public AmendmentTerms {
        additionalAllocations = additionalAllocations == null ? List.of() : List.copyOf(additionalAllocations);
        additionalTranches = additionalTranches == null ? List.of() : List.copyOf(additionalTranches);
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    }

    public static AmendmentTerms newEndDate(LocalDate newEndDate) {
        return new AmendmentTerms(null, null, null, null, newEndDate);
    }

    public static AmendmentTerms moveBudgetLines(List<BudgetLine> budgetLines) {
        return new AmendmentTerms(null, null, null, budgetLines, null);
    }
}
