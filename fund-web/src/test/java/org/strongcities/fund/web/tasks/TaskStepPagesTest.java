package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.ProcessTasks;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.SignedIn;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The award's task pages: a form sent from a stale tab after a colleague completed the task says so
 * (who, when) with the way back to the list, and stores nothing; the person the four-eyes rule refuses
 * (who requested, approved or proposed the step before) is told a colleague acts instead of being
 * offered the buttons.
 */
class TaskStepPagesTest extends TaskPageTest {

    @Autowired
    ProcessTasks processTasks;

    @Test
    void a_form_from_a_stale_tab_says_who_completed_the_task_and_stores_nothing() throws Exception {
        String awardId = award("Staleton");
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "The venue closed for a year.", "finance.officer"));
        Task amendment = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_AMENDMENT);
        // Both have the page open; the colleague approves first.
        page("/tasks/" + amendment.getId(), "central.reviewer");
        mvc.perform(post("/tasks/" + amendment.getId() + "/amendment").param("verdict", "approve").with(csrf())
                .with(SignedIn.as(users, "central.approver"))).andExpect(status().is3xxRedirection());
        long before = events();

        String stale = mvc.perform(post("/tasks/" + amendment.getId() + "/amendment").param("verdict", "reject")
                        .param("reason", "Too long.").with(csrf()).with(SignedIn.as(users, "central.reviewer")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("This task is no longer open",
                "Approve or reject amendment am-1&#39; of case " + awardId + " was completed by central.approver on ",
                "Nothing was recorded.",
                "href=\"/tasks\"", "Back to the task list");
        assertThat(events()).isEqualTo(before);

        // A task Camunda never had: the same page, without a name to give.
        String unknown = mvc.perform(post("/tasks/no-such-task/tranche-approval").with(csrf())
                        .with(SignedIn.as(users, "finance.approver")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("This task is no longer open: it was already completed or withdrawn.", "href=\"/tasks\"");
    }

    @Test
    void the_requester_and_the_approver_of_a_tranche_are_told_a_colleague_acts() throws Exception {
        String awardId = award("Eyesburg");
        commands.sendAndWait(new RequestTrancheCommand(awardId, "t-1", "finance.approver"));
        Task approval = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_TRANCHE);
        String requester = page("/tasks/" + approval.getId(), "finance.approver");
        assertSoftly(softly -> softly.assertThat(requester).as("the requester's approval page")
                .contains("You (finance.approver) requested this tranche, so another finance approver must approve it")
                .doesNotContain("/tranche-approval\"").doesNotContain(">Approve the payment</button>"));

        // Approved by an account that is also a finance officer: that officer may not pay it.
        processTasks.complete(approval.getId(), "finance.officer", Set.of(CandidateGroups.FINANCE_APPROVERS),
                new ApproveTrancheCommand(awardId, "t-1", "finance.officer"), AwardProcess.trancheApproved("finance.officer"));
        Task payment = awaitTask(awardId, AwardProcess.Elements.USER_PAY_TRANCHE);
        String approver = page("/tasks/" + payment.getId(), "finance.officer");
        assertSoftly(softly -> softly.assertThat(approver).as("the approver's payment page")
                .contains("You (finance.officer) approved this tranche, so another finance officer must record its payment")
                .doesNotContain("/tranche-payment\"").doesNotContain("Record the payment"));

        // A tranche someone else requested: the approver has the button.
        commands.sendAndWait(new RequestTrancheCommand(awardId, "t-2", "finance.officer"));
        Task other = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_TRANCHE);
        assertThat(page("/tasks/" + other.getId(), "finance.approver"))
                .contains("action=\"/tasks/" + other.getId() + "/tranche-approval\"", ">Approve the payment</button>")
                .doesNotContain("requested this tranche, so another");

        // Once the city has an overdue report, the page names it instead of offering the step the domain refuses.
        new FinanceFixture(commands, jdbc).markProgressReportOverdue(awardId);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rm_city_hold WHERE report_id = 'r-1' AND award_id = ?", Integer.class, awardId) == 1);
        assertThat(page("/tasks/" + other.getId(), "finance.approver"))
                .contains("On hold: Eyesburg has overdue reports (r-1 of award " + awardId + ").")
                .doesNotContain("/tranche-approval\"").doesNotContain(">Approve the payment</button>");
    }

    @Test
    void the_proposer_of_an_amendment_is_told_a_colleague_decides_it() throws Exception {
        String awardId = award("Proposia");
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "The venue closed for a year.", "central.reviewer"));
        Task amendment = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_AMENDMENT);
        String action = "action=\"/tasks/" + amendment.getId() + "/amendment\"";

        String proposer = page("/tasks/" + amendment.getId(), "central.reviewer");
        String colleague = page("/tasks/" + amendment.getId(), "central.approver");
        assertSoftly(softly -> {
            softly.assertThat(proposer).as("the proposer's page")
                    .contains("You (central.reviewer) proposed this amendment, so another member of the Central Team")
                    .doesNotContain(action);
            softly.assertThat(colleague).as("a colleague's page").contains(action).doesNotContain("proposed this amendment, so");
            // The page says which amendment it is, in the words of the finance award page: not its stored terms.
            softly.assertThat(colleague).as("the amendment in words")
                    .contains("<strong>New end date</strong>", "End date moved to " + FinanceFixture.START.plusYears(5),
                            "The venue closed for a year.", "Proposed by central.reviewer, 20")
                    .doesNotContain("newEndDate");
        });
    }

    @Test
    void a_task_a_colleague_claimed_says_who_works_on_it_only_to_its_group() throws Exception {
        String awardId = award("Claimton");
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "The venue closed for a year.", "finance.officer"));
        Task amendment = awaitTask(awardId, AwardProcess.Elements.USER_APPROVE_AMENDMENT);
        ok(post("/tasks/" + amendment.getId() + "/claim"), "central.approver");

        // A colleague of the Central Team is told who works on it (409), with the way back to the list.
        String colleague = mvc.perform(get("/tasks/" + amendment.getId()).with(SignedIn.as(users, "central.reviewer")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(colleague).contains("This task is being worked on by central.approver",
                "&#39;Approve or reject amendment am-1&#39; is being worked on by central.approver", "Nothing was recorded.",
                "href=\"/tasks\"", "Back to the task list");
        // Someone outside the task's groups learns nothing about it.
        String outsider = mvc.perform(get("/tasks/" + amendment.getId()).with(SignedIn.as(users, "finance.officer")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(outsider).doesNotContain("central.approver", "being worked on");
        // The one who claimed it works on it as before.
        assertThat(page("/tasks/" + amendment.getId(), "central.approver"))
                .contains("action=\"/tasks/" + amendment.getId() + "/amendment\"");
    }

    private String award(String cityName) {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String focal = "focal." + cityName.toLowerCase();
        return fixture.award(fixture.city(cityName, focal), focal, contributionId, "8000", "Youth forum of " + cityName, false);
    }
}
