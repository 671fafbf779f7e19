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
import org.strongcities.fund.web.finance.FinanceFormat;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.DemoDates;
import org.strongcities.fund.web.support.SignedIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The annual summary for the Steering Committee: its counts and sums are those of the read models for the year. */
class AnnualSummaryTest extends ApplicationTest {

    /** The year of today (UTC): the demo's cases and the fixture's receipts and awards are made today. */
    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

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

    @BeforeEach
    void fixture() {
        ReportsFixture.make(context);
    }

    @Test
    void theCountsAndSumsMatchTheReadModels() throws Exception {
        String page = summaryMatchingTheReadModels(YEAR);
        // What the demo and the fixture did today is in this year's summary.
        assertThat(DonorReportTest.figure(page, "applications-declined")).isNotEqualTo("0");
        assertThat(DonorReportTest.figure(page, "reports-accepted")).isNotEqualTo("0");
        assertThat(page).contains("Norwegian Ministry of Foreign Affairs", "Bjørnstad Foundation for Safer Cities",
                "Nairobi", "Sarajevo", "Tirana", "Medellín Norte", "city not named (sensitive cases only)");

        // The demo's past is on its calendar (DemoCalendar): Kampala's award and overdue reports, Helsinki's receipt.
        DemoCalendar demo = DemoDates.calendar(jdbc);
        int kampalaProgressDue = demo.date(2026, 10, 15).minusMonths(2).getYear(); // as DemoCases dates it
        assertThat(DonorReportTest.figure(summaryMatchingTheReadModels(kampalaProgressDue), "reports-overdue")).isNotEqualTo("0");
        assertThat(summaryMatchingTheReadModels(demo.date(2026, 7, 1).getYear())).contains("Kampala");
        assertThat(summaryMatchingTheReadModels(demo.date(2026, 1, 20).getYear())).contains("City of Helsinki");
    }

    /** The summary of the year, every count and sum checked against the read models; the page. */
    private String summaryMatchingTheReadModels(int year) throws Exception {
        OffsetDateTime start = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime end = start.plusYears(1);
        String page = page("/reports/annual?year=" + year, as("finance.officer"));
        assertThat(page).contains("Annual summary " + year + " \u2014 Technical Support Fund");

        assertThat(DonorReportTest.figure(page, "applications-received"))
                .isEqualTo(count("SELECT count(*) FROM rm_application WHERE submitted_at >= ? AND submitted_at < ?", start, end));
        assertThat(DonorReportTest.figure(page, "applications-decided")).isEqualTo(count(
                "SELECT count(*) FROM rm_application WHERE decision_type IS NOT NULL AND decided_at >= ? AND decided_at < ?", start, end));
        assertThat(DonorReportTest.figure(page, "applications-declined")).isEqualTo(count(
                "SELECT count(*) FROM rm_application WHERE decision_type = 'DECLINE' AND decided_at >= ? AND decided_at < ?", start, end));
        String awarded = count("SELECT count(*) FROM rm_award WHERE made_at >= ? AND made_at < ?", start, end);
        assertThat(DonorReportTest.figure(page, "applications-awarded")).isEqualTo(awarded);
        assertThat(DonorReportTest.figure(page, "reports-accepted")).isEqualTo(count(
                "SELECT count(*) FROM rm_report WHERE status = 'ACCEPTED' AND decided_at >= ? AND decided_at < ?", start, end));
        assertThat(DonorReportTest.figure(page, "reports-overdue")).isEqualTo(count(
                "SELECT count(*) FROM rm_report WHERE status = 'OVERDUE' AND EXTRACT(YEAR FROM due_date) = ?", year));

        BigDecimal awardedUsd = jdbc.queryForObject("SELECT COALESCE(SUM(amount_usd), 0) FROM rm_award WHERE made_at >= ? AND made_at < ?",
                BigDecimal.class, start, end);
        assertThat(DonorReportTest.figure(page, "awards")).isEqualTo(awarded + " \u00b7 " + format.usd(awardedUsd));
        assertThat(DonorReportTest.figure(page, "received")).isEqualTo(format.usd(ledger("RECEIVED", year)));
        assertThat(DonorReportTest.figure(page, "paid")).isEqualTo(format.usd(ledger("DISBURSED", year)));
        assertThat(DonorReportTest.figure(page, "refunded")).isEqualTo(format.usd(ledger("REFUNDED", year)));

        // Money in by donor: Norway's receipts of the year, when it has any.
        BigDecimal norway = jdbc.queryForObject("""
                SELECT SUM(l.amount_usd) FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                WHERE c.donor_id = 'donor-norway' AND l.entry_kind = 'RECEIVED' AND EXTRACT(YEAR FROM l.value_date) = ?""",
                BigDecimal.class, year);
        if (norway != null) {
            assertThat(page).contains("Norwegian Ministry of Foreign Affairs", format.amount(norway));
        }

        // Cities supported: every city with money committed or paid in the year; a city with only sensitive cases is counted, not named.
        int cities = Integer.parseInt(count("""
                SELECT count(DISTINCT a.city_id) FROM rm_ledger_entry l JOIN rm_award a ON a.award_id = l.award_id
                WHERE l.entry_kind IN ('COMMITTED', 'DISBURSED')
                  AND (l.occurred_at AT TIME ZONE 'UTC')::date BETWEEN make_date(?, 1, 1) AND make_date(?, 12, 31)""", year, year));
        assertThat(page).contains("Cities supported: " + cities);
        assertThat(page).doesNotContain(ReportsFixture.SENSITIVE_CITY, ReportsFixture.SENSITIVE_TITLE,
                ReportsFixture.NORWAY_SENSITIVE_TITLE);
        return page;
    }

    @Test
    void theAnnualPdfHasTheSameFigures() throws Exception {
        MvcResult result = mvc.perform(get("/reports/annual.pdf?year=" + YEAR).with(as("finance.officer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"annual-summary-" + YEAR + ".pdf\""))
                .andReturn();
        try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Annual summary " + YEAR + " \u2014 Technical Support Fund", "For the International Steering Committee",
                    format.usd(ledger("RECEIVED", YEAR)), format.usd(ledger("DISBURSED", YEAR)), "Bjørnstad Foundation for Safer Cities",
                    "Medellín Norte", "Page 1 of " + document.getNumberOfPages(), "Reports accepted in the year",
                    "Applications received (first submitted in the year) "
                            + count("SELECT count(*) FROM rm_application WHERE submitted_at >= ? AND submitted_at < ?",
                            OffsetDateTime.of(YEAR, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(YEAR + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            assertThat(text).doesNotContain(ReportsFixture.SENSITIVE_CITY, ReportsFixture.SENSITIVE_TITLE,
                    ReportsFixture.NORWAY_SENSITIVE_TITLE);
        }
    }

    @Test
    void aYearWithoutActivityIsAllZeros() throws Exception {
        String page = page("/reports/annual?year=2001", as("central.reviewer"));
        assertThat(DonorReportTest.figure(page, "received")).isEqualTo("USD 0.00");
        assertThat(DonorReportTest.figure(page, "applications-received")).isEqualTo("0");
        assertThat(page).contains("Cities supported: 0", "No award was made in this year.");
    }

    @Test
    void onlyTheManagementUnitOpensItAndBadYearsAre400() throws Exception {
        assertThat(page("/reports/annual", as("central.reviewer"))).contains("Annual summary " + YEAR);
        page("/reports/annual", as("admin"));
        page("/reports/annual", as("finance.approver"));
        problem("/reports/annual", as("donor.norway"), 403);
        problem("/reports/annual.pdf", as("focal.nairobi"), 403);
        assertThat(problem("/reports/annual?year=twenty", as("finance.officer"), 400)).contains("twenty");
        problem("/reports/annual.pdf?year=1850", as("finance.officer"), 400);
        problem("/reports/annual?year=99999999999", as("finance.officer"), 400);
    }

    private String count(String sql, Object... args) {
        return String.valueOf(jdbc.queryForObject(sql, Integer.class, args));
    }

    private BigDecimal ledger(String kind, int year) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount_usd), 0) FROM rm_ledger_entry WHERE entry_kind = ?
                  AND EXTRACT(YEAR FROM COALESCE(value_date, (occurred_at AT TIME ZONE 'UTC')::date)) = ?""",
                BigDecimal.class, kind, year);
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
}
