package org.strongcities.fund.web.journeys;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.web.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A declined case reopened by the Central Team goes back to the Central Team's review and is decided
 * again: the web layer, the Application's rules, the review process and the case read model.
 */
class ReopenedDecisionTest extends JourneyTest {

    @Test
    void aDeclinedCaseReopenedByTheCentralTeamIsReviewedAndDecidedAgain() throws Exception {
        Journeys journeys = journeys();
        String applicationId = journeys.submitted();
        Task declined = journeys.centralReviewOpened(applicationId);
        journeys.ok(post("/tasks/" + declined.getId() + "/decision").param("decisionType", "DECLINE")
                .param("rationaleForApplicant", "Outside this round's priorities."), "central.reviewer");
        assertThat(statusOf(applicationId)).isEqualTo("DECLINED");
        String reopen = "/admin/cases/" + applicationId + "/reopen";

        // The decided case has left the task list; its live status is opened from there by its id.
        assertThat(mvc.perform(get("/tasks").with(SignedIn.as(users, "central.reviewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("action=\"/admin/cases\"");
        mvc.perform(get("/admin/cases").param("businessKey", " " + applicationId + " ").with(SignedIn.as(users, "central.reviewer")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/cases/" + applicationId));
        // The one who declined it is told that a colleague reopens it (four eyes), and is offered no form.
        assertThat(page(applicationId, "central.reviewer")).contains("Reopen the decision",
                "You (central.reviewer) took this decision, so another member of the Central Team must reopen it (four eyes)")
                .doesNotContain("reopen-reason");
        assertThat(page(applicationId, "central.approver")).contains("reopen-reason", "name=\"_csrf\"")
                .doesNotContain("took this decision");
        assertThat(page(applicationId, "admin")).doesNotContain("reopen-reason");
        int eventsBefore = events(applicationId);
        mvc.perform(post(reopen).param("reason", "  ").with(csrf()).with(SignedIn.as(users, "central.reviewer")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Say why the decision is reopened (at most 2000 characters)."));
        for (String other : new String[]{"admin", "hub.eastafrica", "finance.officer", "focal.nairobi"}) {
            mvc.perform(post(reopen).param("reason", "Because").with(csrf()).with(SignedIn.as(users, other)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(reopen).param("reason", "Because").with(SignedIn.as(users, "central.reviewer")))
                .andExpect(status().isForbidden());
        // Four eyes: the one who declined it cannot reopen it; another member of the Central Team does.
        mvc.perform(post(reopen).param("reason", "I changed my mind.").with(csrf()).with(SignedIn.as(users, "central.reviewer")))
                .andExpect(flash().attribute("error", "Four eyes: central.reviewer is the decider of application " + applicationId
                        + " and cannot also be the person who reopens its decision; another account must do this"));
        assertThat(events(applicationId)).isEqualTo(eventsBefore);

        journeys.ok(post(reopen).param("reason", "The hub sent evidence of co-funding."), "central.approver")
                .andExpect(flash().attribute("message", "The decision is reopened: the case is back in the Central Team's task list."));
        assertThat(statusOf(applicationId)).isEqualTo("UNDER_CENTRAL_REVIEW");
        assertThat(page(applicationId, "central.reviewer")).contains("Review and decision by the Central Team")
                .contains("<td>Decision reopened</td>", "<td>The hub sent evidence of co-funding.</td>")
                .doesNotContain("reopen-reason");
        mvc.perform(post(reopen).param("reason", "Twice").with(csrf()).with(SignedIn.as(users, "central.reviewer")))
                .andExpect(flash().attribute("error", "Cannot reopen application " + applicationId
                        + ": it is under central review, not decided"));

        Task again = journeys.open(applicationId, "user_central_review", "central.approver");
        assertThat(again.getId()).isNotEqualTo(declined.getId());
        journeys.ok(post("/tasks/" + again.getId() + "/decision").param("decisionType", "APPROVE_IN_FULL")
                .param("rationaleForApplicant", "The co-funding closes the gap."), "central.approver");
        assertThat(statusOf(applicationId)).isEqualTo("AWARDED");
    }

    private String page(String applicationId, String username) throws Exception {
        return mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
