package org.strongcities.fund.web.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.reports.PdfReport.Column;
import org.strongcities.fund.web.reports.PdfReport.Figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF writer on its own: characters Helvetica cannot show, long tables, charts and page numbers. */
class PdfReportTest {

    @Test
    void charactersOutsideWinAnsiAreReplacedNotFatal() {
        PdfText text = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        assertThat(text.safe("Medellín")).isEqualTo("Medellín");
        assertThat(text.safe("Bjørnstad")).isEqualTo("Bjørnstad");
        assertThat(text.safe("Hadžić")).isEqualTo("Hadžic");
        assertThat(text.safe("Łódź")).isEqualTo("Lódz");
        assertThat(text.safe("Đorđević")).isEqualTo("Dordevic");
        assertThat(text.safe("東京 → Kyiv")).isEqualTo("?? -> Kyiv");
        assertThat(text.safe("a\tb\nc")).isEqualTo("a b c");
        assertThat(text.safe(null)).isEmpty();
    }

    @Test
    void aLongReportBreaksPagesRepeatsTheHeaderAndNumbersEveryPage() throws Exception {
        PdfReport pdf = new PdfReport("Donor report \u2014 Bjørnstad Fond", "From 2026-01-01 to 2026-12-31",
                "Strong Cities Network \u00b7 Technical Support Fund", (page, pages) -> "Page " + page + " of " + pages);
        pdf.heading("In the period");
        pdf.figures(List.of(new Figure("Received", "USD 1,000.00"), new Figure("Committed (net)", "USD 500.00"),
                new Figure("Paid out", "USD 250.00"), new Figure("Refunded", "USD 0.00")));
        pdf.bars("Committed by city", Charts.bars(List.of("Medellín", "Kraków", "Niš"), s -> s,
                s -> new BigDecimal(s.length() * 1000)), v -> "USD " + v, "Nothing");
        pdf.bars("Empty chart", List.of(), v -> "", "Nothing in this period.");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("Row " + i + " in Medellín with a rather long description that has to wrap onto a second line",
                    "Hadžić", String.format("%,d.00", i * 1000)));
        }
        pdf.table(List.of(new Column("Activity", 4, false), new Column("Who", 1.5f, false), new Column("USD", 1.5f, true)),
                rows, "None");
        pdf.table(List.of(new Column("Empty", 1, false)), List.of(), "No rows at all.");
        pdf.paragraph("Ein Absatz mit \u201eAnführungszeichen\u201c und 東京.");
        byte[] bytes = pdf.finish("Donor report \u2014 Bjørnstad Fond");

        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Donor report \u2014 Bjørnstad Fond");
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Bjørnstad Fond", "Medellín", "Hadžic", "Row 1 in Medellín", "Row 120 in", "120,000.00",
                    "Kraków", "Nothing in this period.", "No rows at all.", "Anführungszeichen", "??.");
            for (int page = 1; page <= pages; page++) {
                String text = pageText(document, page);
                assertThat(text).as("page %d", page).contains("Donor report \u2014 Bjørnstad Fond", "From 2026-01-01 to 2026-12-31",
                        "Page " + page + " of " + pages);
            }
            // The table goes on under its header row on the next page.
            assertThat(pageText(document, 2)).contains("Activity", "Who", "USD");
        }
    }

    private static String pageText(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
