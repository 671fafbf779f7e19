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

    /** Every missing or invalid field, in the order of the form; empty when the application is complete. */
    public static List<String> missingFields(ApplicationContent content) {
        List<String> missing = new ArrayList<>();
        if (content == null) {
            return List.of("the application has no content yet: fill in the form");
        }
        requireText(content.title(), "a title", missing);
        requireText(content.summary(), "a summary", missing);
        if (content.priorities().isEmpty()) {
            missing.add("at least one strategic priority");
        }
        if (content.supportType() == null) {
            missing.add("the type of support");
        }
        if (content.requestedAmount() == null || !content.requestedAmount().isPositive()) {
            missing.add("a requested amount above zero");
        }
        if (content.budgetLines().isEmpty()) {
            missing.add("at least one budget line");
        } else {
            for (BudgetLine line : content.budgetLines()) {
                if (line.description() == null || line.description().isBlank()) {
                    missing.add("a description for every budget line");
                    break;
                }
            }
            if (content.requestedAmount() != null) {
                String mismatch = Totals.mismatch("budget lines",
                        content.budgetLines().stream().map(BudgetLine::amount).toList(), content.requestedAmount());
                if (mismatch != null) {
                    missing.add(mismatch.replace("the total is", "the requested amount is"));
                }
            }
        }
        if (content.timelineStart() == null || content.timelineEnd() == null) {
            missing.add("a timeline with start and end dates");
        } else if (!content.timelineEnd().isAfter(content.timelineStart())) {
            missing.add("a timeline that ends after it starts (" + content.timelineStart() + " to " + content.timelineEnd() + ")");
        }
        requireText(content.objectives(), "the objectives", missing);
        if (content.indicators().isEmpty()) {
            missing.add("at least one indicator to report results against");
        } else if (content.indicators().stream().map(Indicator::name).anyMatch(name -> name == null || name.isBlank())) {
            missing.add("a name for every indicator");
        }
        requireText(content.risks(), "the risks", missing);
        requireText(content.doNoHarm(), "the do-no-harm section", missing);
        return missing;
    }

    private static void requireText(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
