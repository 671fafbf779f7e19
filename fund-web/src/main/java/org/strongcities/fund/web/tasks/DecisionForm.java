package org.strongcities.fund.web.tasks;

import org.springframework.util.MultiValueMap;

import java.io.Serializable;

/**
 * What a Central Team member typed into the decision form of a review task. When the decision is not
 * recorded (a value the form cannot read, or a decision the Application refuses), the task page shows
 * the form again with these values, so nothing typed is lost; the amount's own problem is shown beside it.
 */
public record DecisionForm(String decisionType, String approvedAmount, String conditions, String rationaleForApplicant,
                           String internalNote, String approvedAmountError) implements Serializable {

    /** The form as a task page first shows it. */
    static final DecisionForm EMPTY = new DecisionForm("", "", "", "", "", null);

    /** The amount field takes 20 characters. */
    private static final int LONGEST_AMOUNT = 20;

    /** The values as typed, each bounded as TypedForm bounds them (they are kept in the session until shown). */
    static DecisionForm typed(MultiValueMap<String, String> form, int longestText, String approvedAmountError) {
        return new DecisionForm(kept(form, "decisionType", 20), kept(form, "approvedAmount", LONGEST_AMOUNT),
                kept(form, "conditions", longestText), kept(form, "rationaleForApplicant", longestText),
                kept(form, "internalNote", longestText), approvedAmountError);
    }

    private static String kept(MultiValueMap<String, String> form, String field, int longest) {
        return TypedForm.kept(form.getFirst(field), longest);
    }
}
