package org.strongcities.fund.web.tasks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the tests of the task pages share: the pages as a signed-in person, a case's open task, the stored events. */
abstract class TaskPageTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TaskService taskService;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    /** The page as the person sees it (200). */
    String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** A form the person sends, accepted: redirected with no refusal. */
    void ok(MockHttpServletRequestBuilder request, String username) throws Exception {
        mvc.perform(request.with(csrf()).with(SignedIn.as(users, username))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).as("refusal").isNull());
    }

    /** The one open task of the step (a test's own case has at most one at a time). */
    Task awaitTask(String businessKey, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }

    /** The review task claimed by the reviewer, who declared no conflict of interest: the application is open to them. */
    Task opened(String applicationId, String taskKey, String reviewer) throws Exception {
        Task task = awaitTask(applicationId, taskKey);
        ok(post("/tasks/" + task.getId() + "/claim"), reviewer);
        ok(post("/tasks/" + task.getId() + "/conflict-of-interest").param("hasConflict", "false"), reviewer);
        return task;
    }

    long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }
}
