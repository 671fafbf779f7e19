package org.strongcities.fund.web.reports;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text a Standard 14 font can show. Helvetica uses WinAnsi encoding, which has "í" and "ø" but not
 * "ć" or "ł": such a character is replaced by its base letter ("ć" → "c") or, when it has none, by
 * "?", so that a name from another alphabet never stops a report from being made.
 */
final class PdfText {

    private static final Map<Integer, String> EXTRA = Map.ofEntries(
            Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ŧ', "t"),
            Map.entry(0x2212, "-"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"),
            Map.entry(0x2043, "-"), Map.entry(0x00A0, " "), Map.entry(0x202F, " "), Map.entry(0x2009, " "),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2264, "<="), Map.entry(0x2265, ">="));

    private final PDFont font;
    private final Map<Integer, String> known = new ConcurrentHashMap<>();

    PdfText(PDFont font) {
        this.font = font;
    }

    /** The text with every character the font cannot encode replaced; never null. */
    String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(known.computeIfAbsent(cp, this::replacement)));
        return out.toString();
    }

    /** Width in points of already safe text. */
    float width(String safeText, float size) {
        try {
            return font.getStringWidth(safeText) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String replacement(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
            return " ";
        }
        String character = new String(Character.toChars(cp));
        if (encodable(character)) {
            return character;
        }
        String extra = EXTRA.get(cp);
        if (extra != null && encodable(extra)) {
            return extra;
        }
        String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        if (!base.isEmpty() && !base.equals(character) && encodable(base)) {
            return base;
        }
        String compatible = Normalizer.normalize(character, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        if (!compatible.isEmpty() && !compatible.equals(character) && encodable(compatible)) {
            return compatible;
        }
        return "?";
    }

    private boolean encodable(String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException cannot) {
            return false;
        }
    }
}
