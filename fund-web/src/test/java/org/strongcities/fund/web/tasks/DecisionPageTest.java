package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.web.cases.CompleteApplication;
import org.strongcities.fund.web.support.SignedIn;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Central Team's decision on its review task, and the second approval that follows a large one:
 * a decision that is not recorded, because the form cannot read a value or the Application refuses it,
 * brings the person back to the task with the reason and everything they typed, and stores nothing;
 * the person who decided is told that a colleague confirms, instead of being offered a refused button.
 */
class DecisionPageTest extends TaskPageTest {

    private static final String REASONS = "A sound plan; start with a smaller pilot in two wards.";
    private static final String CONDITIONS = "A short note after each dialogue.";
    private static final String INTERNAL = "Hub lead agrees with the pilot.";
    private static final String WITHHELD = "The budget has no line for the venue; approve 60,000 at most.";

    @Test
    void an_approved_amount_with_a_third_decimal_is_refused_beside_the_field_and_nothing_is_stored() throws Exception {
        String applicationId = submitted("20000");
        Task central = centralReviewOpened(applicationId);
        int eventsBefore = events(applicationId);

        MvcResult refused = mvc.perform(decision(central, "APPROVE_PARTIALLY", "1000.001"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + central.getId()))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .startsWith("The decision is not complete")
                        .contains("USD amounts have at most 2 decimal places: 1000.001"))
                .andReturn();

        String page = followed(refused);
        assertThat(page).contains("id=\"approvedAmount-error\"", "USD amounts have at most 2 decimal places: 1000.001",
                "aria-invalid=\"true\"", "value=\"1000.001\"");
        assertKeptAsTyped(page, "APPROVE_PARTIALLY");
        assertThat(events(applicationId)).isEqualTo(eventsBefore);
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_CENTRAL_REVIEW");
        assertThat(taskService.createTaskQuery().taskId(central.getId()).singleResult()).as("task still open").isNotNull();

        for (String unreadable : new String[]{"1e3", "0"}) {
            mvc.perform(decision(central, "APPROVE_PARTIALLY", unreadable)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/tasks/" + central.getId()))
                    .andExpect(result -> assertThat(((DecisionForm) result.getFlashMap().get("decision")).approvedAmountError())
                            .as(unreadable).isNotBlank());
        }
        assertThat(events(applicationId)).isEqualTo(eventsBefore);
    }

    @Test
    void a_refused_decision_brings_back_the_task_page_with_the_reason_and_what_was_typed() throws Exception {
        String applicationId = submitted("20000");
        Task central = centralReviewOpened(applicationId);
        int eventsBefore = events(applicationId);

        MvcResult refused = mvc.perform(decision(central, "APPROVE_PARTIALLY", "25000"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + central.getId()))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .contains("at most the requested USD 20,000.00, was USD 25,000.00"))
                .andReturn();

        String page = followed(refused);
        assertThat(page).contains("at most the requested USD 20,000.00, was USD 25,000.00", "value=\"25000\"")
                .doesNotContain("id=\"approvedAmount-error\"");
        assertKeptAsTyped(page, "APPROVE_PARTIALLY");
        assertThat(events(applicationId)).isEqualTo(eventsBefore);
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_CENTRAL_REVIEW");

        // Corrected on the same page, the decision is recorded and the task leaves the list.
        mvc.perform(decision(central, "APPROVE_PARTIALLY", "15000")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("message", "Decision recorded."));
        assertThat(statusOf(applicationId)).isEqualTo("PARTIALLY_AWARDED");
    }

    @Test
    void a_partial_approval_of_the_whole_request_reads_as_approved_in_full_to_the_city() throws Exception {
        String applicationId = submitted("20000");
        Task central = centralReviewOpened(applicationId);
        // The domain allows "partial" with the requested amount when it carries conditions.
        mvc.perform(decision(central, "APPROVE_PARTIALLY", "20000")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks")).andExpect(flash().attribute("message", "Decision recorded."));

        // Approved, not awarded: finance has not made the award yet.
        String casePage = page("/city/applications/" + applicationId, "focal.nairobi");
        assertThat(casePage).containsPattern("id=\"case-status\">Approved in full, with conditions<")
                .contains("<strong>Approved in full, with conditions</strong>", "USD 20,000.00", CONDITIONS)
                .doesNotContain("Partially awarded", "Partially approved", "Awarded in full", "Approved in part");
        String dashboard = page("/city", "focal.nairobi");
        int cityRow = dashboard.indexOf("href=\"/city/applications/" + applicationId + "\"");
        assertThat(cityRow).as("dashboard row").isNotNegative();
        assertThat(dashboard.substring(cityRow, dashboard.indexOf("</tr>", cityRow)))
                .contains("Approved in full, with conditions").doesNotContain("Awarded");

        // Finance's list of approved applications awaiting their award reads the same.
        String pending = page("/awards/pending", "finance.officer");
        int row = pending.indexOf("href=\"/awards/new/" + applicationId + "\"");
        assertThat(row).as("pending row").isNotNegative();
        assertThat(pending.substring(row, pending.indexOf("</tr>", row)))
                .contains("Approved in full, with conditions").doesNotContain("Partially awarded", "Awarded");
        assertThat(page("/awards/new/" + applicationId, "finance.officer"))
                .contains("<span>Approved in full, with conditions</span>").doesNotContain("Awarded in full");
        // And so does the message to a city that tries to change the decided application (a stale tab).
        mvc.perform(post("/city/applications/" + applicationId + "/edit").param("title", "Changed").with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error",
                        "This application can no longer be changed: its status is Approved in full, with conditions."));
    }

    @Test
    void the_central_reviewer_reads_the_hub_review_s_stage_and_recommendation_in_words() throws Exception {
        String applicationId = submitted("20000");
        Task central = centralReviewOpened(applicationId);

        String page = page("/tasks/" + central.getId(), "central.reviewer");
        assertThat(page).contains("<span>Regional Hub review</span>", "<span>Fund in full</span>")
                .doesNotContain("<span>HUB</span>", "<span>FUND_IN_FULL</span>");
    }

    @Test
    void an_approval_in_part_reads_as_approved_in_part_until_the_award_is_made() throws Exception {
        String applicationId = submitted("20000");
        Task central = centralReviewOpened(applicationId);
        mvc.perform(decision(central, "APPROVE_PARTIALLY", "15000")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks"));

        assertThat(page("/city/applications/" + applicationId, "focal.nairobi"))
                .containsPattern("id=\"case-status\">Approved in part<").doesNotContain("Partially awarded");
        String pending = page("/awards/pending", "finance.officer");
        int row = pending.indexOf("href=\"/awards/new/" + applicationId + "\"");
        assertThat(row).as("pending row").isNotNegative();
        assertThat(pending.substring(row, pending.indexOf("</tr>", row)))
                .contains("Approved in part").doesNotContain("Partially awarded");
        // The Application's own refusal (a withdrawal from a stale tab) uses the same words.
        mvc.perform(post("/city/applications/" + applicationId + "/withdraw").param("reason", "Other funding").with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .contains(": it is approved in part, and this is possible only when").doesNotContain("awarded"));
    }

    @Test
    void the_person_who_decided_is_told_a_colleague_confirms_and_the_amount_reads_as_elsewhere() throws Exception {
        String applicationId = submitted("80000");
        Task central = centralReviewOpened(applicationId);
        mvc.perform(decision(central, "APPROVE_IN_FULL", "")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("message", "Decision recorded: a second Central Team approver must confirm it."));
        Task second = awaitTask(applicationId, "user_second_approval");
        String confirm = "action=\"/tasks/" + second.getId() + "/confirm\"";

        String decider = page("/tasks/" + second.getId(), "central.reviewer");
        String colleague = page("/tasks/" + second.getId(), "central.approver");
        assertSoftly(softly -> {
            softly.assertThat(decider).as("the decider's page")
                    .contains("You made this decision, so another member of the Central Team must confirm it")
                    .doesNotContain(confirm).doesNotContain("Confirm the decision");
            softly.assertThat(decider).as("the amount as the other pages show it").contains("USD 80,000.00")
                    .doesNotContain("80000.0");
            softly.assertThat(colleague).as("a colleague's page").contains(confirm, "Confirm the decision", "USD 80,000.00")
                    .doesNotContain("You made this decision");
        });

        mvc.perform(post("/tasks/" + second.getId() + "/confirm").with(csrf()).with(SignedIn.as(users, "central.approver")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Decision confirmed."));
        assertThat(statusOf(applicationId)).isEqualTo("AWARDED");
    }

    @Test
    void the_second_approver_sees_the_conditions_and_the_request_of_the_decision_they_confirm() throws Exception {
        String applicationId = submitted("90000");
        Task central = centralReviewOpened(applicationId);
        mvc.perform(decision(central, "APPROVE_PARTIALLY", "70000")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Decision recorded: a second Central Team approver must confirm it."));
        Task second = awaitTask(applicationId, "user_second_approval");

        String colleague = page("/tasks/" + second.getId(), "central.approver");
        assertThat(colleague).contains("Confirm the decision", "USD 70,000.00", "USD 90,000.00", REASONS)
                .containsPattern("<p id=\"decision-conditions\"[^>]*>" + Pattern.quote(CONDITIONS) + "</p>");
    }

    @Test
    void the_second_approver_sends_the_decision_back_to_the_central_team_with_a_reason_only_staff_read() throws Exception {
        String applicationId = submitted("80000");
        Task central = centralReviewOpened(applicationId);
        mvc.perform(decision(central, "APPROVE_IN_FULL", "")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Decision recorded: a second Central Team approver must confirm it."));
        Task second = awaitTask(applicationId, "user_second_approval");
        String withholdForm = "action=\"/tasks/" + second.getId() + "/withhold\"";
        assertThat(page("/tasks/" + second.getId(), "central.approver")).as("a colleague's page")
                .contains(withholdForm, "Send back to the Central Team", "Why you do not confirm the decision");
        assertThat(page("/tasks/" + second.getId(), "central.reviewer")).as("the decider's page").doesNotContain(withholdForm);
        int eventsBefore = events(applicationId);

        // A form sent without the CSRF token is refused before it reaches the task.
        mvc.perform(post("/tasks/" + second.getId() + "/withhold").param("reason", WITHHELD)
                        .with(SignedIn.as(users, "central.approver")))
                .andExpect(status().isForbidden());
        // The decider cannot send back their own decision (four eyes): the refusal, on the task, with the reason as typed.
        MvcResult byTheDecider = mvc.perform(withhold(second, "central.reviewer", WITHHELD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + second.getId()))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .startsWith("Four eyes: central.reviewer took the previous step of case " + applicationId))
                .andExpect(result -> assertThat(((TypedForm) result.getFlashMap().get(TypedForm.ATTRIBUTE))
                        .value("withhold", "reason")).isEqualTo(WITHHELD))
                .andReturn();
        assertThat(followed(byTheDecider)).contains("Four eyes: central.reviewer took the previous step");
        // No reason: the message on the same page, and the blank reason is not taken as one.
        MvcResult noReason = mvc.perform(withhold(second, "central.approver", "  \n "))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + second.getId()))
                .andExpect(flash().attribute("error", "Say why you do not confirm the decision."))
                .andReturn();
        assertThat(followed(noReason, "central.approver")).contains("Say why you do not confirm the decision", withholdForm);
        // Too long: the message with the reason's length, and the reason back in its field whole, as typed.
        String tooLong = WITHHELD + " " + "x".repeat(20_000);
        MvcResult longReason = mvc.perform(withhold(second, "central.approver", tooLong))
                .andExpect(redirectedUrl("/tasks/" + second.getId()))
                .andExpect(flash().attribute("error", "Say why you do not confirm the decision: the reason is too long ("
                        + tooLong.length() + " characters, at most 20000)."))
                .andReturn();
        assertThat(followed(longReason, "central.approver")).contains(">" + tooLong + "</textarea>");
        assertThat(events(applicationId)).as("nothing stored").isEqualTo(eventsBefore);
        assertThat(taskService.createTaskQuery().taskId(second.getId()).singleResult()).as("task still open").isNotNull();

        mvc.perform(withhold(second, "central.approver", WITHHELD)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("message", "Confirmation withheld: the decision goes back to the Central Team, who decide again."));

        // Back in the Central Team's task list, under central review with no decision pending.
        Task again = awaitTask(applicationId, "user_central_review");
        assertThat(page("/tasks", "central.lead")).contains("href=\"/tasks/" + again.getId() + "\"");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey("user_second_approval").count()).isZero();
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_CENTRAL_REVIEW");
        assertThat(jdbc.queryForList("SELECT decision_type FROM rm_application WHERE application_id = ?", String.class,
                applicationId)).containsExactly((String) null);
        // Staff read who sent it back and why; the city reads only that its case is under central review.
        assertThat(page("/tasks/" + again.getId(), "central.reviewer"))
                .contains("Confirmation withheld by central.approver</strong>: <span style=\"white-space:pre-line\">" + WITHHELD);
        String city = page("/city/applications/" + applicationId, "focal.nairobi");
        assertThat(city).contains("id=\"case-status\">Under central review<")
                .doesNotContain(WITHHELD).doesNotContain("Confirmation withheld").doesNotContain("central.approver");

        // The Central Team decides again; above the threshold, a colleague confirms again.
        mvc.perform(decision(again, "APPROVE_PARTIALLY", "60000")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Decision recorded: a second Central Team approver must confirm it."));
        Task secondAgain = awaitTask(applicationId, "user_second_approval");
        assertThat(page("/tasks/" + secondAgain.getId(), "central.approver")).as("the earlier reason, for the next approver")
                .contains("Confirmation withheld by central.approver", WITHHELD, "USD 60,000.00");
        mvc.perform(post("/tasks/" + secondAgain.getId() + "/confirm").with(csrf()).with(SignedIn.as(users, "central.approver")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Decision confirmed."));
        assertThat(statusOf(applicationId)).isEqualTo("PARTIALLY_AWARDED");
        // Confirmed this time: the review ends, instead of taking the way back to the Central Team a second time.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(applicationId).count()).as("open tasks").isZero();
    }

    private MockHttpServletRequestBuilder withhold(Task task, String username, String reason) {
        return post("/tasks/" + task.getId() + "/withhold").with(csrf()).with(SignedIn.as(users, username)).param("reason", reason);
    }

    /** The rationale, conditions and internal note as typed, and the chosen decision still chosen. */
    private static void assertKeptAsTyped(String page, String decisionType) {
        assertThat(page).contains(">" + REASONS + "</textarea>", ">" + CONDITIONS + "</textarea>", ">" + INTERNAL + "</textarea>");
        List<String> chosen = Pattern.compile("<input type=\"radio\" name=\"decisionType\"[^>]*>").matcher(page).results()
                .map(MatchResult::group).filter(radio -> radio.contains("checked")).toList();
        assertThat(chosen).as("the one decision chosen").singleElement().asString().contains("value=\"" + decisionType + "\"");
    }

    private MockHttpServletRequestBuilder decision(Task task, String type, String amount) {
        return post("/tasks/" + task.getId() + "/decision").with(csrf()).with(SignedIn.as(users, "central.reviewer"))
                .param("decisionType", type).param("approvedAmount", amount).param("conditions", CONDITIONS)
                .param("rationaleForApplicant", REASONS).param("internalNote", INTERNAL);
    }

    /** The page a refused form redirects to, as the browser then shows it (with the flash attributes). */
    private String followed(MvcResult redirect) throws Exception {
        return followed(redirect, "central.reviewer");
    }

    private String followed(MvcResult redirect, String username) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).flashAttrs(redirect.getFlashMap())
                        .with(SignedIn.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Nairobi submits the complete application, asking for the amount given (its first budget line makes up the rest). */
    private String submitted(String requestedUsd) throws Exception {
        String applicationId = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andReturn().getResponse().getRedirectedUrl().split("/")[3];
        String firstLine = String.valueOf(Integer.parseInt(requestedUsd) - 8000);
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                .with(request -> {
                    request.setParameter("requestedAmount", requestedUsd);
                    request.setParameter("budgetLines[0].second", firstLine);
                    return request;
                })
                .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isNull());
        return applicationId;
    }

    /** The East Africa hub forwards the application; the Central Team's reviewer claims its review, with no conflict. */
    private Task centralReviewOpened(String applicationId) throws Exception {
        Task hub = opened(applicationId, "user_hub_review", "hub.eastafrica");
        MockHttpServletRequestBuilder review = post("/tasks/" + hub.getId() + "/review");
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            review.param("score_" + criterion.name(), "4");
        }
        ok(review.param("recommendation", "FUND_IN_FULL").param("outcome", "forward")
                .param("rationaleForApplicant", "Well aligned with youth engagement."), "hub.eastafrica");
        return opened(applicationId, "user_central_review", "central.reviewer");
    }

    private int events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class,
                aggregateId);
    }

    private String statusOf(String applicationId) {
        return jdbc.queryForObject("SELECT status FROM rm_application WHERE application_id = ?", String.class, applicationId);
    }
}
