package org.strongcities.fund.web.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.strongcities.fund.web.demo.DemoCalendar;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFormat;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.DemoDates;
import org.strongcities.fund.web.support.SignedIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The donor report, page and PDF: its totals are the sums over rm_ledger_entry for the donor and
 * period, a donor sees only its own, a sensitive case never shows its city or title, and bad input
 * is a 4xx page.
 */
class DonorReportTest extends ApplicationTest {

    private static final LocalDate YEAR_START = LocalDate.of(LocalDate.now().getYear(), 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(LocalDate.now().getYear(), 12, 31);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    FinanceFormat format;

    ReportsFixture.Made made;

    @BeforeEach
    void fixture() {
        made = ReportsFixture.make(context);
    }

    @Test
    void theTotalsAreTheLedgerSumsOfTheDonorAndPeriod() throws Exception {
        // The default period is the current calendar year.
        String page = page("/reports/donor", as("donor.norway"));
        Map<String, BigDecimal> year = sums(DemoNetwork.DONOR_NORWAY, YEAR_START, YEAR_END);
        assertThat(year.get("RECEIVED")).isPositive(); // the fixture's receipt of today, at least
        assertThat(page).contains("Donor report \u2014 Norwegian Ministry of Foreign Affairs",
                "From " + YEAR_START + " to " + YEAR_END);
        assertFigures(page, year);

        // The demo's dates are those of its calendar: its year runs from "2026-01-01" to "2026-12-31" as written.
        DemoCalendar demo = DemoDates.calendar(jdbc);
        LocalDate demoYearStart = demo.date(2026, 1, 1);
        LocalDate demoYearEnd = demo.date(2026, 12, 31);
        // Norway's NOK receipt with its conversion (in the current calendar year only late in it).
        String demoYear = page("/reports/donor?from=" + demoYearStart + "&to=" + demoYearEnd, as("donor.norway"));
        assertFigures(demoYear, sums(DemoNetwork.DONOR_NORWAY, demoYearStart, demoYearEnd));
        assertThat(demoYear).contains("NOK 6,000,000.00", "0.0941", "564,600.00");

        // "February" only: the NOK receipt of "16 February", and nothing committed then.
        LocalDate febStart = demo.date(2026, 2, 1);
        LocalDate febEnd = demo.date(2026, 2, 28);
        String february = page("/reports/donor?from=" + febStart + "&to=" + febEnd, as("donor.norway"));
        Map<String, BigDecimal> feb = sums(DemoNetwork.DONOR_NORWAY, febStart, febEnd);
        assertThat(feb.get("RECEIVED")).isEqualByComparingTo("564600.00");
        assertFigures(february, feb);

        // Finance asks for any donor; Denmark's paid award (Nairobi, 18,000) shows as paid out.
        String denmark = page("/reports/donor?donor=donor-denmark&from=" + demoYearStart + "&to=" + demoYearEnd,
                as("finance.officer"));
        Map<String, BigDecimal> dk = sums(DemoNetwork.DONOR_DENMARK, demoYearStart, demoYearEnd);
        assertThat(dk.get("DISBURSED")).isGreaterThanOrEqualTo(new BigDecimal("18000"));
        assertFigures(denmark, dk);
        assertThat(denmark).contains("Ministry of Foreign Affairs of Denmark", "Nairobi", "Youth dialogue for safer neighbourhoods")
                .doesNotContain("Norwegian Ministry");

        // The fixture donor: a payment and a refund in the period.
        Map<String, BigDecimal> bj = sums(ReportsFixture.DONOR, YEAR_START, YEAR_END);
        assertThat(bj.get("DISBURSED")).isEqualByComparingTo("10000");
        assertThat(bj.get("REFUNDED")).isEqualByComparingTo("1500");
        assertFigures(page("/reports/donor?donor=" + ReportsFixture.DONOR, as("finance.officer")), bj);
    }

    @Test
    void aPeriodBeforeAnyReceiptShowsZeros() throws Exception {
        String page = page("/reports/donor?from=2020-01-01&to=2020-12-31", as("donor.norway"));
        for (String figure : new String[]{"received", "committed", "paid", "refunded"}) {
            assertThat(figure(page, figure)).as(figure).isEqualTo("USD 0.00");
        }
        assertThat(page).contains("No money was received in this period.", "No award drew on these contributions in this period.");
        String pdf = pdfText("/reports/donor.pdf?from=2020-01-01&to=2020-12-31", as("donor.norway"));
        assertThat(pdf).contains("Norwegian Ministry of Foreign Affairs", "USD 0.00", "No money was received in this period.");
    }

    @Test
    void aDonorGetsOnlyItsOwnReport() throws Exception {
        RequestPostProcessor norway = as("donor.norway");
        problem("/reports/donor?donor=donor-denmark", norway, 404);
        problem("/reports/donor.pdf?donor=donor-denmark", norway, 404);
        problem("/reports/donor?donor=" + ReportsFixture.DONOR, norway, 404);
        // Its own id in the request is fine.
        assertThat(page("/reports/donor?donor=donor-norway", norway)).contains("Norwegian Ministry of Foreign Affairs");
        String own = page("/reports/donor", norway);
        assertThat(own).doesNotContain("Denmark", ReportsFixture.DONOR_NAME, ReportsFixture.PUBLIC_TITLE);

        // Finance: an unknown donor is not found; without a donor, a choice of donors.
        problem("/reports/donor?donor=donor-nowhere", as("finance.officer"), 404);
        assertThat(page("/reports/donor", as("finance.officer"))).contains("Choose a donor", "Norwegian Ministry of Foreign Affairs",
                "donor=donor-denmark");
        problem("/reports/donor.pdf", as("finance.officer"), 400);

        // Other roles and anonymous visitors get nothing.
        problem("/reports/donor", as("focal.nairobi"), 403);
        problem("/reports/donor.pdf?donor=donor-norway", as("focal.nairobi"), 403);
        mvc.perform(get("/reports/donor.pdf")).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void theDonorPdfIsARealPdfWithTheFiguresAndNoSensitiveDetail() throws Exception {
        // The demo's year (its calendar's "2026"), which holds the Kampala award, today and the fixture's awards.
        DemoCalendar demo = DemoDates.calendar(jdbc);
        LocalDate from = demo.date(2026, 1, 1);
        LocalDate to = demo.date(2026, 12, 31);
        MvcResult result = mvc.perform(get("/reports/donor.pdf?from=" + from + "&to=" + to).with(as("donor.norway")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"donor-report-donor-norway-" + from + "-to-" + to + ".pdf\""))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Map<String, BigDecimal> sums = sums(DemoNetwork.DONOR_NORWAY, from, to);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Donor report \u2014 Norwegian Ministry of Foreign Affairs", "From " + from + " to " + to,
                    format.usd(sums.get("RECEIVED")), format.usd(committed(sums)), format.usd(sums.get("DISBURSED")),
                    format.usd(sums.get("REFUNDED")), "NOK 6,000,000.00", "Page 1 of " + document.getNumberOfPages(),
                    "Community radio against hate speech", "Kampala", "Not disclosed (sensitive case)",
                    "East & Southern Africa \u2014 city not disclosed", "25,000.00");
            assertThat(text).doesNotContain(ReportsFixture.SENSITIVE_CITY, "Exit mentoring", "named families",
                    made.norwaySensitiveAward());
        }
        // The page says as little about the sensitive case.
        assertThat(page("/reports/donor", as("donor.norway"))).contains("Not disclosed (sensitive case)")
                .doesNotContain(ReportsFixture.SENSITIVE_CITY, "Exit mentoring", "named families", made.norwaySensitiveAward());
    }

    @Test
    void namesOutsideWinAnsiAreWrittenWithAFallback() throws Exception {
        String text = pdfText("/reports/donor.pdf?donor=" + ReportsFixture.DONOR, as("finance.officer"));
        assertThat(text).contains(ReportsFixture.DONOR_NAME, ReportsFixture.PUBLIC_CITY, "Street art with the Dordevic youth crew",
                "10,000.00", "1,500.00", "East & Southern Africa \u2014 city not disclosed");
        assertThat(text).doesNotContain(ReportsFixture.SENSITIVE_CITY, "Kovač", "Kovac", "Safe houses", made.sensitiveAward());
        String page = page("/reports/donor?donor=" + ReportsFixture.DONOR, as("finance.officer"));
        assertThat(page).contains("Bjørnstad", "Medellín Norte", ReportsFixture.PUBLIC_TITLE)
                .doesNotContain(ReportsFixture.SENSITIVE_CITY, "Kovačević", "Safe houses");
    }

    @Test
    void badInputIsA400PageNeverA500() throws Exception {
        RequestPostProcessor norway = as("donor.norway");
        assertThat(problem("/reports/donor?from=2026-13-45", norway, 400)).contains("2026-13-45", "YYYY-MM-DD");
        assertThat(problem("/reports/donor?from=yesterday", norway, 400)).contains("yesterday");
        assertThat(problem("/reports/donor?from=2026-06-01&to=2026-05-01", norway, 400)).contains("before it starts");
        assertThat(problem("/reports/donor.pdf?to=2026-02-30", norway, 400)).contains("2026-02-30");
        assertThat(problem("/reports/donor?from=0001-01-01", norway, 400)).contains("between the years 2000 and 2100");
        problem("/reports/donor.pdf?from=2026-06-01&to=2026-05-01", as("finance.officer"), 400);
        // A client that asks for a PDF only still gets the 400, not a 500.
        mvc.perform(get("/reports/donor.pdf?from=nope").accept(org.springframework.http.MediaType.APPLICATION_PDF).with(norway))
                .andExpect(status().isBadRequest());
    }

    // --- helpers ---

    /** Sums per movement kind of the donor's ledger in the period, straight from rm_ledger_entry. */
    private Map<String, BigDecimal> sums(String donorId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> sums = new java.util.HashMap<>();
        for (String kind : new String[]{"RECEIVED", "COMMITTED", "RELEASED", "DISBURSED", "REFUNDED"}) {
            sums.put(kind, jdbc.queryForObject("""
                    SELECT COALESCE(SUM(e.amount_usd), 0) FROM rm_ledger_entry e
                    WHERE e.entry_kind = ? AND e.contribution_id IN (SELECT contribution_id FROM rm_contribution WHERE donor_id = ?)
                      AND (CASE WHEN e.value_date IS NOT NULL THEN e.value_date
                                ELSE (e.occurred_at AT TIME ZONE 'UTC')::date END) BETWEEN ? AND ?""",
                    BigDecimal.class, kind, donorId, from, to));
        }
        return sums;
    }

    private static BigDecimal committed(Map<String, BigDecimal> sums) {
        return sums.get("COMMITTED").subtract(sums.get("RELEASED")).subtract(sums.get("REFUNDED"));
    }

    private void assertFigures(String page, Map<String, BigDecimal> sums) {
        assertThat(figure(page, "received")).isEqualTo(format.usd(sums.get("RECEIVED")));
        assertThat(figure(page, "committed")).isEqualTo(format.usd(committed(sums)));
        assertThat(figure(page, "paid")).isEqualTo(format.usd(sums.get("DISBURSED")));
        assertThat(figure(page, "refunded")).isEqualTo(format.usd(sums.get("REFUNDED")));
    }

    /** The text of the element with the data-testid. */
    static String figure(String page, String testId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-testid=\"" + testId + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("figure %s on the page", testId).isTrue();
        return m.group(1).trim();
    }

    private RequestPostProcessor as(String username) {
        return SignedIn.as(users, username);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String problem(String path, RequestPostProcessor who, int expected) throws Exception {
        MvcResult result = mvc.perform(get(path).with(who)).andExpect(status().is(expected)).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as(path).contains("The report cannot be shown");
        return body;
    }

    private String pdfText(String path, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(who)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn();
        try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
