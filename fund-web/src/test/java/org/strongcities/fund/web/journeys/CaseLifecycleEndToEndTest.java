package org.strongcities.fund.web.journeys;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.web.support.SignedIn;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One case from submission to close-out through the web layer, the real Camunda engine and the
 * Axon event store: every step is done by the person whose job it is, and at the end the events,
 * the ledger and the process history tell the same story.
 */
class CaseLifecycleEndToEndTest extends JourneyTest {

    private static final String CONTRIBUTION = "contribution-us-2026";

    @Test
    void fromSubmissionToCloseOut() throws Exception {
        BigDecimal availableBefore = available(CONTRIBUTION);

        Journeys journeys = journeys();
        // The city applies.
        String applicationId = journeys.submitted();
        // The Regional Hub declares no conflict, reviews and forwards; the Central Team decides.
        Task centralReview = journeys.centralReviewOpened(applicationId);
        ok(post("/tasks/" + centralReview.getId() + "/decision").param("decisionType", "APPROVE_IN_FULL")
                .param("rationaleForApplicant", "Strong youth focus and a realistic budget.")
                .param("internalNote", "Check venue costs at the progress report."), "central.reviewer")
                .andExpect(flash().attribute("message", "Decision recorded."));
        assertThat(statusOf(applicationId)).isEqualTo("AWARDED");
        // The stored status is AWARDED, but no money is awarded until finance makes the award: approved, in words.
        assertThat(page("/city/applications/" + applicationId, "focal.nairobi"))
                .containsPattern("id=\"case-status\">Approved<").doesNotContain(">Awarded<");
        assertThat(dashboardRow(applicationId)).contains(">Approved<").doesNotContain(">Awarded<");

        // Finance makes the award against a contribution whose earmark fits.
        String awardForm = page("/awards/new/" + applicationId, "finance.officer");
        assertThat(awardForm).contains("value=\"" + CONTRIBUTION + "\"", "available USD", "USD 20,000.00", "value=\"20000\"")
                .doesNotContain("20000.0000");
        assertThat(awardForm).contains("<span>Approved</span>").doesNotContain("<span>Awarded</span>");
        // Earmarks and report kinds in words, as on the finance pages, not their codes.
        assertThat(awardForm).contains("Region: East &amp; Southern Africa", ">Final report</option>", ">Progress report</option>")
                .doesNotContain("EAST_SOUTHERN_AFRICA</option>", " · REGION ", " · UNRESTRICTED ", ">FINAL</option>");
        // Dates of the award relative to today: the domain refuses reports due before the award is made.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = today.plusYears(1);
        LocalDate tooLate = end.plusMonths(6);
        String tranchePlanned = today.plusMonths(2).toString();
        // A report due long after the award ends is the domain's refusal, shown on the form; nothing is stored.
        Long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        mvc.perform(post("/awards/new/" + applicationId).param("amount", "20000").param("endDate", end.toString())
                        .param("allocationContribution1", CONTRIBUTION).param("allocationAmount1", "20000")
                        .param("budgetDescription1", "Facilitation").param("budgetAmount1", "20000")
                        .param("reportKind1", "FINAL").param("reportDue1", tooLate.toString())
                        .param("trancheAmount1", "20000").param("tranchePlanned1", tranchePlanned)
                        .with(csrf()).with(SignedIn.as(users, "finance.officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("report r1 due by " + end.plusDays(90)
                        + ", 90 days after the award ends on " + end + " (was " + tooLate + ")")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(eventsBefore);
        // A day Java reads but no award period can be counted from (it answered 500): told how to write it.
        mvc.perform(post("/awards/new/" + applicationId).param("amount", "20000").param("endDate", "+999999999-12-31")
                        .param("allocationContribution1", CONTRIBUTION).param("allocationAmount1", "20000")
                        .param("budgetDescription1", "Facilitation").param("budgetAmount1", "20000")
                        .param("reportKind1", "FINAL").param("reportDue1", end.toString())
                        .param("trancheAmount1", "20000").param("tranchePlanned1", tranchePlanned)
                        .with(csrf()).with(SignedIn.as(users, "finance.officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("as YYYY-MM-DD")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(eventsBefore);
        ok(post("/awards/new/" + applicationId).param("amount", "20000").param("endDate", end.toString())
                .param("allocationContribution1", CONTRIBUTION).param("allocationAmount1", "20000")
                .param("budgetDescription1", "Facilitation").param("budgetAmount1", "12000")
                .param("budgetDescription2", "Venues and travel").param("budgetAmount2", "8000")
                .param("reportKind1", "FINAL").param("reportDue1", end.toString())
                .param("trancheAmount1", "20000").param("tranchePlanned1", tranchePlanned), "finance.officer");
        String awardId = jdbc.queryForObject("SELECT award_id FROM rm_application WHERE application_id = ?", String.class,
                applicationId);
        assertThat(awardId).isNotNull();
        // Once the award is made, and only then, the case reads as awarded.
        assertThat(page("/city/applications/" + applicationId, "focal.nairobi"))
                .containsPattern("id=\"case-status\">Awarded<").doesNotContain("id=\"case-status\">Approved<");
        assertThat(dashboardRow(applicationId)).contains(">Awarded<").doesNotContain(">Approved<");
        assertThat(available(CONTRIBUTION)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("20000")));

        // The tranche is requested, approved by someone else and paid.
        ok(post("/finance/tranches/" + awardId + "/t1/request"), "finance.officer");
        Task approval = awaitTask(awardId, "user_approve_tranche");
        ok(post("/tasks/" + approval.getId() + "/tranche-approval"), "finance.approver");
        Task payment = awaitTask(awardId, "user_pay_tranche");
        ok(post("/tasks/" + payment.getId() + "/tranche-payment").param("paymentReference", "BANK-REF-001")
                .param("valueDate", today.toString()), "finance.officer");

        // The city reports; the hub accepts; finance closes out.
        ok(post("/city/applications/" + applicationId + "/reports/r1").param("narrative", "Twelve dialogues held.")
                .param("indicator", "Dialogues held").param("achieved", "12"), "focal.nairobi");
        Task reportReview = awaitTask(awardId, "user_review_report");
        ok(post("/tasks/" + reportReview.getId() + "/report").param("verdict", "accept"), "hub.eastafrica");
        Task closeOut = awaitTask(awardId, "user_close_out");
        assertThat(mvc.perform(get("/tasks/" + closeOut.getId()).with(SignedIn.as(users, "finance.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as("the close-out step's figures read like money")
                .contains("Award USD 20,000.00, paid USD 20,000.00, refunded USD 0.00.");
        ok(post("/tasks/" + closeOut.getId() + "/close-out"), "finance.officer");

        // The events, the ledger and the process history agree.
        assertThat(eventTypes(applicationId)).containsSubsequence("ApplicationDraftCreatedEvent", "ApplicationSubmittedEvent",
                "ApplicationEligibilityRecordedEvent", "HubReviewStartedEvent", "CentralReviewStartedEvent",
                "ApplicationDecidedEvent", "AwardRecordedOnApplicationEvent");
        assertThat(eventTypes(awardId)).containsSubsequence("AwardMadeEvent", "TrancheRequestedEvent",
                "TrancheApprovedEvent", "TranchePaidEvent", "ReportSubmittedEvent", "ReportAcceptedEvent", "AwardClosedEvent");
        assertThat(ledger(awardId, "COMMITTED")).isEqualByComparingTo("20000");
        assertThat(ledger(awardId, "DISBURSED")).isEqualByComparingTo("20000");
        assertThat(endOf(applicationId, "application_review")).isEqualTo("end_awarded");
        assertThat(endOf(awardId, "award_lifecycle")).isEqualTo("end_closed");
        assertThat(jdbc.queryForObject("SELECT status FROM rm_award WHERE award_id = ?", String.class, awardId))
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p "
                + "ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ IN (?, ?) AND t.end_time_ IS NULL", Integer.class,
                applicationId, awardId)).as("no task left open").isZero();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The city's row for the application on its list of cases. */
    private String dashboardRow(String applicationId) throws Exception {
        String dashboard = page("/city", "focal.nairobi");
        int row = dashboard.indexOf("href=\"/city/applications/" + applicationId + "\"");
        assertThat(row).as("dashboard row").isNotNegative();
        return dashboard.substring(row, dashboard.indexOf("</tr>", row));
    }

    private ResultActions ok(MockHttpServletRequestBuilder request, String username) throws Exception {
        return journeys().ok(request, username);
    }

    private Task awaitTask(String businessKey, String definitionKey) {
        return journeys().awaitTask(businessKey, definitionKey);
    }

    private BigDecimal available(String contributionId) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(CASE entry_kind WHEN 'RECEIVED' THEN amount_usd WHEN 'COMMITTED' THEN -amount_usd
                    WHEN 'RELEASED' THEN amount_usd WHEN 'REFUNDED' THEN amount_usd ELSE 0 END), 0)
                FROM rm_ledger_entry WHERE contribution_id = ?""", BigDecimal.class, contributionId);
    }

    private BigDecimal ledger(String awardId, String kind) {
        return jdbc.queryForObject("SELECT coalesce(sum(amount_usd), 0) FROM rm_ledger_entry WHERE award_id = ? AND entry_kind = ?",
                BigDecimal.class, awardId, kind);
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, aggregateId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String endOf(String businessKey, String processKey) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("""
                SELECT end_act_id_ FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = ? AND end_time_ IS NOT NULL""",
                String.class, businessKey, processKey).stream().findFirst().orElse(null), end -> end != null);
    }
}
