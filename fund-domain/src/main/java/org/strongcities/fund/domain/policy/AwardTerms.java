package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.TrancheSchedule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms an award must have: a USD amount that its budget lines, tranches and funding
 * allocations each add up to, a final report, and a report gate before every tranche after the first.
 */
public final class AwardTerms {

    private AwardTerms() {
    }

    /** Every problem with the terms, empty when they are sound. */
    public static List<String> problems(Money amount, List<BudgetLine> budgetLines, List<TrancheSchedule> tranches,
                                        List<ReportingObligation> obligations, List<FundingAllocation> allocations) {
        List<String> problems = new ArrayList<>();
        if (amount == null || !amount.isUsd() || !amount.isPositive()) {
            problems.add("an award amount above zero in USD, the fund's currency (was " + amount + ")");
            return problems;
        }
        addIfPresent(problems, Totals.mismatch("budget lines", nonNull(budgetLines).stream().map(BudgetLine::amount).toList(), amount), budgetLines, "budget lines");
        addIfPresent(problems, Totals.mismatch("tranches", nonNull(tranches).stream().map(TrancheSchedule::amount).toList(), amount), tranches, "tranches");
        addIfPresent(problems, Totals.mismatch("funding allocations", nonNull(allocations).stream().map(FundingAllocation::usd).toList(), amount), allocations, "funding allocations");
        problems.addAll(duplicates("funding allocations", nonNull(allocations).stream().map(FundingAllocation::contributionId).toList(), "contribution"));
        problems.addAll(scheduleProblems(nonNull(tranches), nonNull(obligations)));
        if (nonNull(obligations).stream().noneMatch(obligation -> obligation.kind() == ReportKind.FINAL)) {
            problems.add("a final report among the reporting obligations");
        }
        return problems;
    }

    /**
     * Tranches are paid in the order of their planned dates; every tranche after the first names
     * the report that has to be accepted before it is paid.
     */
    public static List<String> scheduleProblems(List<TrancheSchedule> tranches, List<ReportingObligation> obligations) {
        List<String> problems = new ArrayList<>();
        problems.addAll(duplicates("tranches", tranches.stream().map(TrancheSchedule::trancheId).toList(), "tranche"));
        problems.addAll(duplicates("reporting obligations", obligations.stream().map(ReportingObligation::reportId).toList(), "report"));
        Set<String> reportIds = new HashSet<>(obligations.stream().map(ReportingObligation::reportId).toList());
        for (ReportingObligation obligation : obligations) {
            if (obligation.kind() == null || obligation.dueDate() == null) {
                problems.add("a kind and a due date for report " + obligation.reportId());
            }
        }
        List<TrancheSchedule> inOrder = inPaymentOrder(tranches);
        for (int i = 0; i < inOrder.size(); i++) {
            TrancheSchedule tranche = inOrder.get(i);
            if (tranche.plannedDate() == null) {
                problems.add("a planned date for tranche " + tranche.trancheId());
            }
            if (tranche.requiresReportId() != null && !reportIds.contains(tranche.requiresReportId())) {
                problems.add("tranche " + tranche.trancheId() + " waits for report " + tranche.requiresReportId()
                        + ", which is not among the reporting obligations");
            } else if (i > 0 && tranche.requiresReportId() == null) {
                problems.add("tranche " + tranche.trancheId()
                        + " comes after the first tranche and must name the report to be accepted before it is paid");
            }
        }
        return problems;
    }

    public static List<TrancheSchedule> inPaymentOrder(List<TrancheSchedule> tranches) {
        return tranches.stream()
                .sorted(Comparator.comparing(TrancheSchedule::plannedDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static void addIfPresent(List<String> problems, String mismatch, List<?> parts, String name) {
        if (parts == null || parts.isEmpty()) {
            problems.add("at least one of the " + name);
        } else if (mismatch != null) {
            problems.add(mismatch);
        }
    }

    private static List<String> duplicates(String parts, List<String> ids, String noun) {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                problems.add("an id for every one of the " + parts);
            } else if (!seen.add(id)) {
                problems.add(noun + " " + id + " appears twice in the " + parts);
            }
        }
        return problems;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
