package org.strongcities.fund.web.tasks;

import org.springframework.util.MultiValueMap;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person typed into one form of a task page (the review, the revision request, the report's return,
 * the amendment's rejection, the tranche payment). When the action is not taken (a value the controller
 * refuses, or a command the domain or the process refuses), the task page shows that form again with these
 * values, so nothing typed is lost. Kept as a flash attribute until the page is shown, each value cut to what
 * its field takes. {@link DecisionForm} is the decision form's own, richer, version of the same idea.
 */
public record TypedForm(String form, Map<String, String> values) implements Serializable {

    /** The flash and model attribute the task pages read. */
    static final String ATTRIBUTE = "typed";

    /** Nothing typed: the page shows its forms as it first does. */
    static final TypedForm NONE = new TypedForm("", Map.of());

    public TypedForm {
        values = Map.copyOf(values);
    }

    /** The named fields of the form as typed; {@code longest} gives each field's longest kept value. */
    static TypedForm of(String form, MultiValueMap<String, String> typed, Map<String, Integer> longest) {
        Map<String, String> values = new LinkedHashMap<>();
        longest.forEach((field, limit) -> values.put(field, kept(typed.getFirst(field), limit)));
        return new TypedForm(form, values);
    }

    /** Whether these are the values of the given form of the page. */
    public boolean isFor(String name) {
        return form.equals(name);
    }

    /** The value typed into a field of the given form, or the empty text if the values are another form's. */
    public String value(String name, String field) {
        return isFor(name) ? values.getOrDefault(field, "") : "";
    }

    /** The value, cut to what its field takes (a longer value was not typed into the field). */
    static String kept(String value, int longest) {
        if (value == null) {
            return "";
        }
        return value.length() > longest ? value.substring(0, longest) : value;
    }
}
