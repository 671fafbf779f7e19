package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.Indicator;
import java.util.ArrayList;
import java.util.List;

/** What an application must contain before it can be submitted for review. */
public final class ApplicationCompleteness {

    private ApplicationCompleteness() {
    }

    /**
     * One problem of a draft: {@code field} names the component of ApplicationContent it belongs
     * to, so a form can show the message next to that field. {@code missing} tells whether the message names
     * something absent ("a summary"), to be read after "Missing:", or is a whole statement of what is wrong
     * ("the budget lines add up to … but the requested amount is …"), to be read on its own.
     */
    public record Problem(String field, String message, boolean missing) {

        public Problem(String field, String message) {
            this(field, message, true);
        }
    }

    /** Every missing or invalid field, in the order of the form; empty when the application is complete. */
    public static List<String> missingFields(ApplicationContent content) {
        return problems(content).stream().map(Problem::message).toList();
    }

    /** The same as {@link #missingFields}, each with the field it is about. */
    public static List<Problem> problems(ApplicationContent content) {
        List<Problem> missing = new ArrayList<>();
        if (content == null) {
            return List.of(new Problem("title", "the application has no content yet: fill in the form"));
        }
        requireText(content.title(), "title", "a title", missing);
        requireText(content.summary(), "summary", "a summary", missing);
        if (content.priorities().isEmpty()) {
            missing.add(new Problem("priorities", "at least one strategic priority"));
        }
        if (content.supportType() == null) {
            missing.add(new Problem("supportType", "the type of support"));
        }
        if (content.requestedAmount() == null || !content.requestedAmount().isPositive()) {
            missing.add(new Problem("requestedAmount", "a requested amount above zero"));
        }
        if (content.budgetLines().isEmpty()) {
            missing.add(new Problem("budgetLines", "at least one budget line"));
        } else {
            for (BudgetLine line : content.budgetLines()) {
                if (line.description() == null || line.description().isBlank()) {
                    missing.add(new Problem("budgetLines", "a description for every budget line"));
                    break;
                }
            }
            if (content.requestedAmount() != null) {
                String mismatch = Totals.mismatch("budget lines",
                        content.budgetLines().stream().map(BudgetLine::amount).toList(), content.requestedAmount());
                if (mismatch != null) {
                    missing.add(new Problem("budgetLines", mismatch.replace("the total is", "the requested amount is"), false));
                }
            }
        }
        if (content.timelineStart() == null || content.timelineEnd() == null) {
            missing.add(new Problem("timelineEnd", "a timeline with start and end dates"));
        } else if (!content.timelineEnd().isAfter(content.timelineStart())) {
            missing.add(new Problem("timelineEnd", "a timeline that ends after it starts (" + content.timelineStart() + " to "
                    + content.timelineEnd() + ")"));
        }
        requireText(content.objectives(), "objectives", "the objectives", missing);
        if (content.indicators().isEmpty()) {
            missing.add(new Problem("indicators", "at least one indicator to report results against"));
        } else if (content.indicators().stream().map(Indicator::name).anyMatch(name -> name == null || name.isBlank())) {
            missing.add(new Problem("indicators", "a name for every indicator"));
        }
        requireText(content.risks(), "risks", "the risks", missing);
        requireText(content.doNoHarm(), "doNoHarm", "the do-no-harm section", missing);
        return missing;
    }

    private static void requireText(String value, String field, String what, List<Problem> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new Problem(field, what));
        }
    }
}
