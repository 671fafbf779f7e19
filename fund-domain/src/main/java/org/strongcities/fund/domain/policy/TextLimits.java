package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.policy.ApplicationCompleteness.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a text a person writes may be: a short text (an application's title, a budget line's
 * description, an indicator) at most {@link #SHORT_TEXT} characters, a long one (a summary, a rationale,
 * a reason) at most {@link #LONG_TEXT}. A text over its limit is refused, never cut: a cut text keeps less
 * than was written, and the person must be told what to shorten. The forms check the same limits first, so
 * that they can say it beside the field; the aggregates check them again, so that no command stores more.
 */
public final class TextLimits {

    public static final int SHORT_TEXT = 500;
    public static final int LONG_TEXT = 20_000;

    private TextLimits() {
    }

    /**
     * The length as the person counts it, without surrounding blanks: a line break is one character, as a
     * browser counts it against a field's maxlength, also where the browser sent it as two.
     */
    public static int length(String text) {
        return text == null ? 0 : text.strip().replace("\r\n", "\n").length();
    }

    /**
     * Why the text is too long, or empty when it fits: "the title is too long (612 characters, at most 500)".
     * {@code named} names the text as the sentence's subject ("the title", "budget line 2's description").
     */
    public static Optional<String> tooLong(String named, String text, int most) {
        int length = length(text);
        return length <= most ? Optional.empty()
                : Optional.of(named + " is too long (" + length + " characters, at most " + most + ")");
    }

    /**
     * Every text of an application over its limit, in the order of the form, each with the field of
     * ApplicationContent it belongs to (so that a form shows it beside that field); empty when all fit.
     */
    public static List<Problem> problems(ApplicationContent content) {
        List<Problem> problems = new ArrayList<>();
        if (content == null) {
            return problems;
        }
        check("title", "the title", content.title(), SHORT_TEXT, problems);
        check("summary", "the summary", content.summary(), LONG_TEXT, problems);
        for (int i = 0; i < content.budgetLines().size(); i++) {
            BudgetLine line = content.budgetLines().get(i);
            check("budgetLines", "budget line " + (i + 1) + "'s description", line.description(), SHORT_TEXT, problems);
        }
        check("objectives", "the objectives", content.objectives(), LONG_TEXT, problems);
        for (int i = 0; i < content.indicators().size(); i++) {
            Indicator indicator = content.indicators().get(i);
            String named = "indicator " + (i + 1);
            check("indicators", named + "'s name", indicator.name(), SHORT_TEXT, problems);
            check("indicators", named + "'s baseline", indicator.baseline(), SHORT_TEXT, problems);
            check("indicators", named + "'s target", indicator.target(), SHORT_TEXT, problems);
        }
        check("risks", "the risks", content.risks(), LONG_TEXT, problems);
        check("doNoHarm", "the do-no-harm section", content.doNoHarm(), LONG_TEXT, problems);
        return problems;
    }

    private static void check(String field, String named, String text, int most, List<Problem> problems) {
        tooLong(named, text, most).ifPresent(problem -> problems.add(new Problem(field, problem, false)));
    }
}
