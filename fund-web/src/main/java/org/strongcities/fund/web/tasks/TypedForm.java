package org.strongcities.fund.web.tasks;

import org.springframework.util.MultiValueMap;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person typed into one form of a task page (the review, the revision request, the report's return,
 * the amendment's rejection, the tranche payment). When the action is not taken (a value the controller
 * refuses, or a command the domain or the process refuses), the task page shows that form again with these
 * values, so nothing typed is lost. Kept as a flash attribute until the page is shown, so each value is bounded
 * by what a browser can send from its field (see {@link #kept}). {@link DecisionForm} is the decision form's own,
 * richer, version of the same idea.
 */
public record TypedForm(String form, Map<String, String> values) implements Serializable {

    /** The flash and model attribute the task pages read. */
    static final String ATTRIBUTE = "typed";

    /** Nothing typed: the page shows its forms as it first does. */
    static final TypedForm NONE = new TypedForm("", Map.of());

    public TypedForm {
        values = Map.copyOf(values);
    }

    /** The named fields of the form as typed; {@code longest} gives each field's limit (its maxlength). */
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

    /**
     * The value as typed into a field of at most {@code longest} characters. A value over the limit is refused
     * with its length (TextLimits) and must come back whole, or the person loses its end: a browser counts a line
     * break as one character but sends two, so up to twice the limit is kept. A longer value was not typed into
     * the field, and is cut so that no request can hold more than that in the session.
     */
    static String kept(String value, int longest) {
        if (value == null) {
            return "";
        }
        int most = 2 * longest;
        return value.length() > most ? value.substring(0, most) : value;
    }
}
