package org.strongcities.fund.web.journeys;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.web.cases.CompleteApplication;
import org.strongcities.fund.web.support.SignedIn;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The steps of a case as the people who take them do them in the browser, for journey tests. */
final class Journeys {

    private final MockMvc mvc;
    private final UserDetailsService users;
    private final TaskService tasks;

    Journeys(MockMvc mvc, UserDetailsService users, TaskService tasks) {
        this.mvc = mvc;
        this.users = users;
        this.tasks = tasks;
    }

    /** A focal point of Nairobi creates and submits a complete application; returns its id. */
    String submitted() throws Exception {
        String applicationId = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andReturn().getResponse().getRedirectedUrl().split("/")[3];
        ok(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit"), "focal.nairobi");
        return applicationId;
    }

    /** Claims the task and declares no conflict of interest. */
    Task open(String businessKey, String taskKey, String reviewer) throws Exception {
        Task task = awaitTask(businessKey, taskKey);
        ok(post("/tasks/" + task.getId() + "/claim"), reviewer);
        ok(post("/tasks/" + task.getId() + "/conflict-of-interest").param("hasConflict", "false"), reviewer);
        return task;
    }

    void hubForwards(String applicationId) throws Exception {
        Task hubReview = open(applicationId, "user_hub_review", "hub.eastafrica");
        ok(review(post("/tasks/" + hubReview.getId() + "/review")), "hub.eastafrica")
                .andExpect(flash().attribute("message", "Review submitted: the application goes on to the Central Team."));
    }

    /** The hub forwards the application; the Central Team's reviewer claims its review and declares no conflict. */
    Task centralReviewOpened(String applicationId) throws Exception {
        hubForwards(applicationId);
        return open(applicationId, "user_central_review", "central.reviewer");
    }

    /** A successful step: a redirect with its message and no refusal. */
    ResultActions ok(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignedIn.as(users, username))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(1))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).as("refusal").isNull());
    }

    Task awaitTask(String businessKey, String definitionKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(definitionKey).singleResult(), task -> task != null);
    }

    private static MockHttpServletRequestBuilder review(MockHttpServletRequestBuilder request) {
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            request.param("score_" + criterion.name(), "4");
        }
        return request.param("recommendation", "FUND_IN_FULL").param("outcome", "forward")
                .param("rationaleForApplicant", "Well aligned with youth engagement.")
                .param("internalComments", "Ward leaders already committed.");
    }
}
