package org.strongcities.fund.web.platform;

import java.util.Optional;

/**
 * The one rule for a text a person typed into a field that takes at most so many characters. A text over
 * the limit is refused, never cut: a cut text stores or shows less than was typed, and "some values could not
 * be read" does not say what to shorten. The message names the field, its limit and the typed length, so the
 * person knows how much to take out. Lengths count the text without surrounding blanks, as it is kept.
 */
public final class TypedTexts {

    private TypedTexts() {
    }

    /**
     * Why the typed text is too long for its field, or empty when it fits: "the title is too long (612 characters,
     * at most 500)". {@code field} names the field as the sentence's subject ("the title", "budget line 2's
     * description"); the result is a part of a sentence, so a form can list it with its other problems.
     */
    public static Optional<String> tooLong(String field, String typed, int most) {
        // A browser sends a line break as two characters but counts it as one against the field's maxlength;
        // counted the same way here, a text the field let the person type is never refused as too long.
        int length = typed == null ? 0 : typed.strip().replace("\r\n", "\n").length();
        if (length <= most) {
            return Optional.empty();
        }
        return Optional.of(field + " is too long (" + length + " characters, at most " + most + ")");
    }
}
