package org.strongcities.fund.web.journeys;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.strongcities.fund.web.cases.CompleteApplication;
import org.strongcities.fund.web.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A city asked to revise sees, on the form it revises, what the reviewers asked it to change. */
@AutoConfigureMockMvc
class RevisionRequestShownTest extends JourneyTest {

    @Test
    void theFormTheCityRevisesShowsWhatTheReviewersAsked() throws Exception {
        String applicationId = sentBackForRevision(journeys(), "Split the venue costs from travel & name the wards.");
        assertThat(statusOf(applicationId)).isEqualTo("REVISION_REQUESTED");

        String form = mvc.perform(get("/city/applications/" + applicationId + "/edit")
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("What the reviewers asked you to change")
                .containsPattern("<p id=\"revision-request\"[^>]*>Split the venue costs from travel &amp; name the wards.</p>");
    }

    @Test
    void theReviewerReadsTheCitysResponseAsTheCitysNotAsTheirOwn() throws Exception {
        Journeys journeys = journeys();
        String applicationId = sentBackForRevision(journeys, "Name the wards.");
        journeys.ok(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                .param("responseToReviewers", "The wards are named in the summary."), "focal.nairobi");

        Task secondReview = journeys.open(applicationId, "user_hub_review", "hub.eastafrica");
        String reviewPage = mvc.perform(get("/tasks/" + secondReview.getId()).with(SignedIn.as(users, "hub.eastafrica")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reviewPage).contains("The city&#39;s response to the reviewers", "The wards are named in the summary.")
                .doesNotContain("Your response to the reviewers");

        String cityVersion = mvc.perform(get("/city/applications/" + applicationId + "/versions/2")
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cityVersion).contains("Your response to the reviewers", "The wards are named in the summary.");
    }

    @Test
    void aStaleSaveOfARevisionIsNotToldItIsSavedAndKeepsWhatWasTyped() throws Exception {
        Journeys journeys = journeys();
        String applicationId = sentBackForRevision(journeys, "Name the wards.");

        // A tab opened while the application was a draft still offers "Save draft".
        MvcResult saved = mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "save")
                        .param("objectives", "Dialogues in Kibera and Mathare wards.")
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andReturn();

        assertThat(saved.getFlashMap().get("message")).as("a false 'Draft saved.'").isNull();
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        assertThat(saved.getResponse().getContentAsString()).contains("not yet saved", "Dialogues in Kibera and Mathare wards.");
        assertThat(statusOf(applicationId)).isEqualTo("REVISION_REQUESTED");
    }

    @Test
    void anOverlongResponseToTheReviewersIsNamedWithItsLengthAndComesBackWhole() throws Exception {
        Journeys journeys = journeys();
        String applicationId = sentBackForRevision(journeys, "Name the wards.");
        String response = "The wards are named in the summary. " + "w".repeat(20_000);

        String page = mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                        .param("responseToReviewers", response)
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The application is not ready to submit: correct the fields marked below.",
                "<p class=\"field-error\" id=\"responseToReviewers-error\">Your response to the reviewers is too long ("
                        + response.length() + " characters, at most 20000).</p>",
                ">" + response + "</textarea>");
        assertThat(statusOf(applicationId)).isEqualTo("REVISION_REQUESTED");
    }

    /** A submitted application the hub reviewer sends back, asking for {@code request}. */
    private static String sentBackForRevision(Journeys journeys, String request) throws Exception {
        String applicationId = journeys.submitted();
        Task hubReview = journeys.open(applicationId, "user_hub_review", "hub.eastafrica");
        journeys.ok(post("/tasks/" + hubReview.getId() + "/revision").param("rationaleForApplicant", request), "hub.eastafrica");
        return applicationId;
    }
}
