package org.strongcities.fund.web.reports;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.strongcities.fund.web.finance.Charts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A small A4 document writer for the reports: a header with title and period on every page,
 * headings, paragraphs, figures, tables that continue on the next page with their header row
 * repeated, bar charts drawn as rectangles, and a footer with "Page n of N". Text is written in
 * Helvetica (Standard 14, WinAnsi); characters it cannot show are replaced (see {@link PdfText}).
 */
final class PdfReport {

    /** One column of a table: weight is its share of the width; numeric columns are right-aligned. */
    record Column(String header, float weight, boolean numeric) {
    }

    /** One figure of a row of figures ("Received" / "USD 1,000.00"). */
    record Figure(String label, String value) {
    }

    private static final float MARGIN = 50;
    private static final float HEADER_HEIGHT = 46;
    private static final float FOOTER_HEIGHT = 30;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8;
    private static final float CELL = 8.5f;
    private static final float LEADING = 1.3f;
    private static final float CELL_PADDING = 3;
    private static final Color TEXT = new Color(0x1b, 0x24, 0x33);
    private static final Color MUTED = new Color(0x5b, 0x6b, 0x82);
    private static final Color RULE = new Color(0xc9, 0xd1, 0xdd);
    private static final Color HEADER_FILL = new Color(0xe4, 0xe9, 0xf1);
    private static final Color STRIPE = new Color(0xf5, 0xf7, 0xfa);
    private static final Color TRACK = new Color(0xee, 0xf1, 0xf6);
    private static final Color BAR = new Color(0x0b, 0x5c, 0xab);

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PdfText regularText = new PdfText(regular);
    private final PdfText boldText = new PdfText(bold);
    private final String title;
    private final String subtitle;
    private final String footer;
    private final BiFunction<Integer, Integer, String> pageLabel;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private PDPageContentStream content;
    private float y;

    /** pageLabel makes "Page n of N" from the page number and the number of pages. */
    PdfReport(String title, String subtitle, String footer, BiFunction<Integer, Integer, String> pageLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.footer = footer;
        this.pageLabel = pageLabel;
        newPage();
    }

    void heading(String text) {
        space(30);
        y -= 8;
        write(bold, boldText, 12.5f, MARGIN, y - 12.5f, text, TEXT);
        y -= 12.5f * LEADING + 2;
    }

    void paragraph(String text) {
        paragraph(text, BODY, TEXT);
    }

    void note(String text) {
        paragraph(text, SMALL, MUTED);
    }

    private void paragraph(String text, float size, Color color) {
        for (String line : wrap(regularText, regularText.safe(text), size, width)) {
            space(size * LEADING);
            write(regular, regularText, size, MARGIN, y - size, line, color);
            y -= size * LEADING;
        }
        y -= 3;
    }

    /** A row of boxed figures (up to four a row). */
    void figures(List<Figure> figures) {
        int perRow = Math.min(4, Math.max(1, figures.size()));
        float gap = 8;
        float boxWidth = (width - gap * (perRow - 1)) / perRow;
        float boxHeight = 38;
        for (int start = 0; start < figures.size(); start += perRow) {
            space(boxHeight + 6);
            for (int i = start; i < Math.min(figures.size(), start + perRow); i++) {
                float x = MARGIN + (i - start) * (boxWidth + gap);
                rectangle(x, y - boxHeight, boxWidth, boxHeight, STRIPE, RULE);
                Figure figure = figures.get(i);
                write(regular, regularText, SMALL, x + 6, y - 13, fit(regularText, regularText.safe(figure.label()), SMALL,
                        boxWidth - 12), MUTED);
                write(bold, boldText, 11.5f, x + 6, y - 30, fit(boldText, boldText.safe(figure.value()), 11.5f, boxWidth - 12),
                        TEXT);
            }
            y -= boxHeight + 6;
        }
        y -= 4;
    }

    /** A table; a row that does not fit goes to the next page, under the header row again. */
    void table(List<Column> columns, List<List<String>> rows, String emptyText) {
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width * columns.get(i).weight() / total;
        }
        List<List<String>> header = List.of(columns.stream().map(Column::header).toList());
        float headerHeight = rowHeight(header.get(0), widths, bold, boldText);
        float firstRow = rows.isEmpty() ? CELL * LEADING + 2 * CELL_PADDING : rowHeight(rows.get(0), widths, regular, regularText);
        space(headerHeight + firstRow);
        headerRow(columns, widths, headerHeight);
        if (rows.isEmpty()) {
            write(regular, regularText, CELL, MARGIN + CELL_PADDING, y - CELL_PADDING - CELL, regularText.safe(emptyText), MUTED);
            y -= firstRow;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            float height = rowHeight(row, widths, regular, regularText);
            if (y - height < MARGIN + FOOTER_HEIGHT) {
                newPage();
                headerRow(columns, widths, headerHeight);
            }
            if (r % 2 == 1) {
                rectangle(MARGIN, y - height, width, height, STRIPE, null);
            }
            cells(columns, widths, row, regular, regularText);
            y -= height;
            line(MARGIN, y, MARGIN + width, y, RULE);
        }
        y -= 10;
    }

    /** Horizontal bars scaled to the largest value, each with its label and amount. */
    void bars(String caption, List<Charts.Bar> bars, Function<BigDecimal, String> format, String emptyText) {
        float barHeight = 11;
        float rowHeight = 17;
        float labelWidth = width * 0.4f;
        float valueWidth = width * 0.18f;
        float trackWidth = width - labelWidth - valueWidth - 12;
        space(BODY * LEADING + 4 + rowHeight);
        write(bold, boldText, BODY, MARGIN, y - BODY, boldText.safe(caption), TEXT);
        y -= BODY * LEADING + 4;
        if (bars.isEmpty()) {
            write(regular, regularText, BODY, MARGIN, y - BODY, regularText.safe(emptyText), MUTED);
            y -= rowHeight;
        }
        for (Charts.Bar bar : bars) {
            space(rowHeight);
            float baseline = y - (rowHeight + BODY) / 2 + 1.5f;
            write(regular, regularText, BODY, MARGIN, baseline, fit(regularText, regularText.safe(bar.label()), BODY,
                    labelWidth - 6), TEXT);
            float trackX = MARGIN + labelWidth;
            float barY = y - (rowHeight + barHeight) / 2;
            rectangle(trackX, barY, trackWidth, barHeight, TRACK, null);
            float filled = (float) (trackWidth * Math.max(0, Math.min(100, bar.percent())) / 100);
            if (filled > 0) {
                rectangle(trackX, barY, Math.max(filled, 0.75f), barHeight, BAR, null);
            }
            String value = regularText.safe(format.apply(bar.value()));
            write(regular, regularText, BODY, MARGIN + width - regularText.width(value, BODY), baseline, value, TEXT);
            y -= rowHeight;
        }
        y -= 10;
    }

    /** The finished document: footers with page numbers are added to every page. */
    byte[] finish(String documentTitle) {
        try {
            content.close();
            content = null;
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(regularText.safe(documentTitle));
            info.setCreator("Strong Cities Network - Technical Support Fund");
            info.setCreationDate(Calendar.getInstance());
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    content = stream;
                    line(MARGIN, MARGIN + 14, MARGIN + width, MARGIN + 14, RULE);
                    write(regular, regularText, SMALL, MARGIN, MARGIN, fit(regularText, regularText.safe(footer), SMALL,
                            width * 0.7f), MUTED);
                    String number = regularText.safe(pageLabel.apply(i + 1, pages));
                    write(regular, regularText, SMALL, MARGIN + width - regularText.width(number, SMALL), MARGIN, number, MUTED);
                }
            }
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                document.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void headerRow(List<Column> columns, float[] widths, float height) {
        rectangle(MARGIN, y - height, width, height, HEADER_FILL, null);
        cells(columns, widths, columns.stream().map(Column::header).toList(), bold, boldText);
        y -= height;
        line(MARGIN, y, MARGIN + width, y, MUTED);
    }

    private void cells(List<Column> columns, float[] widths, List<String> row, PDType1Font font, PdfText text) {
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            String value = c < row.size() && row.get(c) != null ? row.get(c) : "";
            List<String> lines = wrap(text, text.safe(value), CELL, widths[c] - 2 * CELL_PADDING);
            float lineY = y - CELL_PADDING - CELL;
            for (String line : lines) {
                float lineX = columns.get(c).numeric() ? x + widths[c] - CELL_PADDING - text.width(line, CELL) : x + CELL_PADDING;
                write(font, text, CELL, lineX, lineY, line, TEXT);
                lineY -= CELL * LEADING;
            }
            x += widths[c];
        }
    }

    private float rowHeight(List<String> row, float[] widths, PDType1Font font, PdfText text) {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            String value = c < row.size() && row.get(c) != null ? row.get(c) : "";
            lines = Math.max(lines, wrap(text, text.safe(value), CELL, widths[c] - 2 * CELL_PADDING).size());
        }
        return lines * CELL * LEADING + 2 * CELL_PADDING;
    }

    /** Starts a new page when less than the given height is left above the footer. */
    private void space(float needed) {
        if (y - needed < MARGIN + FOOTER_HEIGHT) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            write(bold, boldText, 14, MARGIN, top - 14, fit(boldText, boldText.safe(title), 14, width), TEXT);
            write(regular, regularText, BODY, MARGIN, top - 14 - 16, fit(regularText, regularText.safe(subtitle), BODY, width),
                    MUTED);
            line(MARGIN, top - HEADER_HEIGHT + 6, MARGIN + width, top - HEADER_HEIGHT + 6, RULE);
            y = top - HEADER_HEIGHT - 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, PdfText text, float size, float x, float baseline, String safeText, Color color) {
        if (safeText.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(text.safe(safeText));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rectangle(float x, float bottom, float w, float h, Color fill, Color stroke) {
        try {
            if (fill != null) {
                content.setNonStrokingColor(fill);
                content.addRect(x, bottom, w, h);
                content.fill();
            }
            if (stroke != null) {
                content.setStrokingColor(stroke);
                content.setLineWidth(0.6f);
                content.addRect(x, bottom, w, h);
                content.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, Color color) {
        try {
            content.setStrokingColor(color);
            content.setLineWidth(0.5f);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words on lines no wider than the width; a word longer than a line is cut. */
    static List<String> wrap(PdfText text, String safeText, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safeText.trim().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (text.width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (text.width(rest, size) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && text.width(rest.substring(0, cut), size) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text shortened with "..." to fit on one line. */
    private static String fit(PdfText text, String safeText, float size, float maxWidth) {
        if (text.width(safeText, size) <= maxWidth) {
            return safeText;
        }
        String shortened = safeText;
        while (shortened.length() > 1 && text.width(shortened + "...", size) > maxWidth) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "...";
    }
}
