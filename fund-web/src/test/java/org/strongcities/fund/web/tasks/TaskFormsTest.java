package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.cases.CompleteApplication;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.SignedIn;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task actions other than the decision (review, revision request, report return, amendment rejection,
 * tranche payment): a submission the controller, the process or the domain refuses comes back to the same
 * task page with the reason and everything the person typed, and stores nothing.
 */
class TaskFormsTest extends TaskPageTest {

    private static final String RATIONALE = "Strong local ownership; the youth council is already meeting.";
    private static final String INTERNAL = "Check the venue costs with the hub lead.";

    @Test
    void a_review_without_every_score_comes_back_with_the_scores_recommendation_and_texts_as_typed() throws Exception {
        String applicationId = submitted();
        Task hub = opened(applicationId, "user_hub_review", "hub.eastafrica");
        long before = events();
        MockHttpServletRequestBuilder review = post("/tasks/" + hub.getId() + "/review");
        ReviewCriterion[] criteria = ReviewCriterion.values();
        for (int i = 1; i < criteria.length; i++) {
            review.param("score_" + criteria[i].name(), "3");
        }
        MvcResult refused = refused(review.param("recommendation", "FUND_IN_FULL").param("outcome", "forward")
                .param("rationaleForApplicant", RATIONALE).param("internalComments", INTERNAL), "hub.eastafrica", hub);

        String page = followed(refused, "hub.eastafrica");
        assertThat(page).contains("The review is not complete: a score from 1 to 5 for " + criteria[0].displayName(),
                ">" + RATIONALE + "</textarea>", ">" + INTERNAL + "</textarea>",
                "<option value=\"FUND_IN_FULL\" selected=\"selected\"",
                "name=\"score_" + criteria[1].name() + "\"");
        assertThat(page.split("<option value=\"3\" selected=\"selected\"", -1)).as("the scores typed, still chosen")
                .hasSize(criteria.length);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_review_with_an_overlong_rationale_says_how_long_it_is_and_comes_back_whole() throws Exception {
        String applicationId = submitted();
        Task hub = opened(applicationId, "user_hub_review", "hub.eastafrica");
        long before = events();
        String rationale = RATIONALE + " " + "r".repeat(20_000);
        MockHttpServletRequestBuilder review = post("/tasks/" + hub.getId() + "/review");
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            review.param("score_" + criterion.name(), "4");
        }
        MvcResult refused = refused(review.param("recommendation", "FUND_PARTIALLY").param("outcome", "save")
                .param("rationaleForApplicant", rationale).param("internalComments", INTERNAL), "hub.eastafrica", hub);

        String page = followed(refused, "hub.eastafrica");
        assertThat(page).contains("The review is not complete: the rationale the applicant will read is too long ("
                        + rationale.length() + " characters, at most 20000).",
                ">" + rationale + "</textarea>", ">" + INTERNAL + "</textarea>",
                "<option value=\"FUND_PARTIALLY\" selected=\"selected\"");
        assertThat(page.split("<option value=\"4\" selected=\"selected\"", -1)).as("the scores typed, still chosen")
                .hasSize(ReviewCriterion.values().length + 1);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_conflict_of_interest_refused_comes_back_with_the_choice_and_the_statement() throws Exception {
        String applicationId = submitted();
        Task hub = awaitTask(applicationId, "user_hub_review");
        ok(post("/tasks/" + hub.getId() + "/claim"), "hub.eastafrica");
        long before = events();
        String statement = "My sister chairs the youth council that runs the dialogues. " + "s".repeat(20_000);

        MvcResult tooLong = refused(post("/tasks/" + hub.getId() + "/conflict-of-interest").param("hasConflict", "true")
                .param("statement", statement), "hub.eastafrica", hub);
        String page = followed(tooLong, "hub.eastafrica");
        assertThat(page).contains("The conflict of interest is not declared: the statement is too long ("
                        + statement.length() + " characters, at most 20000).", ">" + statement + "</textarea>")
                .containsPattern("id=\"coi-yes\"[^>]*checked=\"checked\"")
                .doesNotContainPattern("id=\"coi-no\"[^>]*checked=\"checked\"");

        MvcResult missing = refused(post("/tasks/" + hub.getId() + "/conflict-of-interest").param("hasConflict", "true")
                .param("statement", "  "), "hub.eastafrica", hub);
        assertThat(followed(missing, "hub.eastafrica"))
                .contains("The conflict of interest is not declared: describe the conflict in the statement.")
                .containsPattern("id=\"coi-yes\"[^>]*checked=\"checked\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_reviewer_reads_the_timeline_and_amounts_of_the_application_as_elsewhere_in_the_app() throws Exception {
        String applicationId = submitted();
        Task hub = opened(applicationId, "user_hub_review", "hub.eastafrica");
        String page = mvc.perform(get("/tasks/" + hub.getId()).with(SignedIn.as(users, "hub.eastafrica")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">2027-01-01 – 2027-12-31<", ">USD 20,000.00<", ">Facilitation: USD 12,000.00<")
                .doesNotContain("1/1/27").doesNotContain("12/31/27");
    }

    @Test
    void a_revision_request_too_long_comes_back_with_its_text() throws Exception {
        String applicationId = submitted();
        Task hub = opened(applicationId, "user_hub_review", "hub.eastafrica");
        String text = "Please split the budget into the two wards. " + "x".repeat(20_000);

        MvcResult refused = refused(post("/tasks/" + hub.getId() + "/revision").param("rationaleForApplicant", text),
                "hub.eastafrica", hub);

        assertThat(followed(refused, "hub.eastafrica")).contains(
                "Tell the city what to revise: the request is too long (20044 characters, at most 20000).",
                ">" + text + "</textarea>");
    }

    @Test
    void a_report_return_refused_comes_back_with_its_reason() throws Exception {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String awardId = award(fixture, "Reportville");
        commands.sendAndWait(new SubmitReportCommand(awardId, "r-1", "Two dialogues held.", List.of(), "focal.reportville"));
        Task report = awaitTask(awardId, AwardProcess.Elements.USER_REVIEW_REPORT);
        String reason = "The results against the indicators are missing. " + "z".repeat(20_000);
        long before = events();

        MvcResult refused = refused(post("/tasks/" + report.getId() + "/report").param("verdict", "reject")
                .param("reason", reason), "hub.eastafrica", report);

        assertThat(followed(refused, "hub.eastafrica")).contains(
                "Tell the city why the report is returned: the reason is too long (20048 characters, at most 20000).",
                ">" + reason + "</textarea>");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_amendment_rejection_refused_comes_back_with_its_reason() throws Exception {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String awardId = award(fixture, "Amendton");
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "The venue closed for a year.",
                "central.reviewer"));
        Task amendment = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_AMENDMENT);
        String reason = "A year is too long; six months at most. " + "w".repeat(20_000);
        long before = events();

        MvcResult refused = refused(post("/tasks/" + amendment.getId() + "/amendment").param("verdict", "reject")
                .param("reason", reason), "central.approver", amendment);

        assertThat(followed(refused, "central.approver")).contains(
                "Give the reason for rejecting the amendment: the reason is too long (20040 characters, at most 20000).",
                ">" + reason + "</textarea>");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_tranche_payment_refused_comes_back_with_the_reference_and_value_date() throws Exception {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String awardId = award(fixture, "Paymouth");
        // t-2 waits for report r-1, which the city has not submitted: the domain refuses to pay it.
        commands.sendAndWait(new RequestTrancheCommand(awardId, "t-2", "finance.officer"));
        mvc.perform(post("/finance/tranches/{a}/t-2/approve", awardId).with(csrf()).with(SignedIn.as(users, "finance.approver")))
                .andExpect(redirectedUrl("/finance/tranches"));
        Task pay = awaitTask(awardId, AwardProcess.Elements.USER_PAY_TRANCHE);
        long before = events();

        MvcResult refused = refused(post("/tasks/" + pay.getId() + "/tranche-payment")
                .param("paymentReference", "BANK-2026-0777").param("valueDate", "2026-07-02"), "finance.officer", pay);
        assertThat(followed(refused, "finance.officer")).contains("it waits for report r-1 to be accepted",
                "value=\"BANK-2026-0777\"", "value=\"2026-07-02\"");

        MvcResult badDate = refused(post("/tasks/" + pay.getId() + "/tranche-payment")
                .param("paymentReference", "BANK-2026-0778").param("valueDate", "2 July"), "finance.officer", pay);
        assertThat(followed(badDate, "finance.officer")).contains("Type the value date as YYYY-MM-DD.",
                "value=\"BANK-2026-0778\"", "value=\"2 July\"");
        assertThat(events()).isEqualTo(before);
    }

    /** Posts the form; it is refused and leads back to the same task, not to the list. */
    private MvcResult refused(MockHttpServletRequestBuilder request, String username, Task task) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignedIn.as(users, username)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + task.getId()))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).as("the refusal").isNotNull())
                .andReturn();
    }

    /** The page a refused form redirects to, as the browser then shows it (with the flash attributes). */
    private String followed(MvcResult redirect, String username) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).flashAttrs(redirect.getFlashMap())
                        .with(SignedIn.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String award(FinanceFixture fixture, String cityName) {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String focal = "focal." + cityName.toLowerCase();
        String cityId = fixture.city(cityName, focal);
        return fixture.award(cityId, focal, contributionId, "8000", "Youth forum of " + cityName, false);
    }

    /** Nairobi submits the complete application. */
    private String submitted() throws Exception {
        String applicationId = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andReturn().getResponse().getRedirectedUrl().split("/")[3];
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isNull());
        return applicationId;
    }
}
