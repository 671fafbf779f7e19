package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.web.cases.CompleteApplication;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.support.SignedIn;
import org.strongcities.fund.web.tasks.TaskInbox.TaskRow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reviewer's task list: the tasks offered to the person's groups and the ones they claimed,
 * each with what the case is, and nobody else's.
 */
class TaskListTest extends TaskPageTest {

    @Test
    void camundas_task_table_has_an_index_in_the_lists_order() {
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = ?", String.class,
                TaskListIndex.NAME)).contains("act_ru_task").contains("(due_date_, create_time_, id_)");
    }

    @Test
    void a_hub_review_is_offered_to_its_hub_and_moves_to_my_tasks_once_claimed() throws Exception {
        String applicationId = submitted();
        Task hubReview = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(applicationId).taskDefinitionKey("user_hub_review").singleResult(), t -> t != null);

        TaskRow offered = row(list("hub.eastafrica", "", "group"), applicationId).orElseThrow();
        assertThat(offered.taskId()).isEqualTo(hubReview.getId());
        assertThat(offered.title()).isEqualTo("Youth dialogue for safer neighbourhoods");
        assertThat(offered.cityName()).isEqualTo("Nairobi");
        assertThat(offered.assignee()).isNull();
        assertThat(row(list("hub.eastafrica", "", "mine"), applicationId)).isEmpty();
        assertThat(row(list("central.reviewer", "", "group"), applicationId)).as("another group's task").isEmpty();
        assertThat(row(list("hub.eastafrica", "no such case anywhere", "group"), applicationId)).isEmpty();
        assertThat(row(list("hub.eastafrica", applicationId.toUpperCase(), "group"), applicationId)).isPresent();

        mvc.perform(post("/tasks/" + hubReview.getId() + "/claim").with(csrf()).with(SignedIn.as(users, "hub.eastafrica")))
                .andExpect(status().is3xxRedirection());

        assertThat(row(list("hub.eastafrica", "", "mine"), applicationId)).get()
                .extracting(TaskRow::assignee).isEqualTo("hub.eastafrica");
        assertThat(row(list("hub.eastafrica", "", "group"), applicationId)).as("claimed tasks stay in the group's list").get()
                .extracting(TaskRow::assignee).isEqualTo("hub.eastafrica");
        assertThat(row(list("central.reviewer", "", "mine"), applicationId)).isEmpty();
    }

    @Test
    void the_lists_hold_the_tasks_camundas_own_query_finds_for_the_same_people() throws Exception {
        submitted();
        for (String username : List.of("hub.eastafrica", "central.reviewer", "finance.approver")) {
            Set<String> groups = TaskGroups.of(((FundUser) users.loadUserByUsername(username)).account());
            List<String> camundas = taskService.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks()
                    .orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, TaskInbox.PAGE).stream().map(Task::getId).toList();
            assertThat(list(username, "", "group")).as(username).extracting(TaskRow::taskId)
                    .containsExactlyInAnyOrderElementsOf(camundas);
            List<String> assigned = taskService.createTaskQuery().taskAssignee(username).listPage(0, TaskInbox.PAGE).stream()
                    .map(Task::getId).toList();
            assertThat(list(username, "", "mine")).as(username).extracting(TaskRow::taskId).containsExactlyInAnyOrderElementsOf(assigned);
        }
    }

    @Test
    void my_tasks_on_the_page_are_exactly_the_ones_assigned_to_me() throws Exception {
        Task claimed = hubReview(submitted());
        Task offered = hubReview(submitted());
        mvc.perform(post("/tasks/" + claimed.getId() + "/claim").with(csrf()).with(SignedIn.as(users, "hub.eastafrica")))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/tasks").with(SignedIn.as(users, "hub.eastafrica"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> assigned = taskService.createTaskQuery().taskAssignee("hub.eastafrica").listPage(0, TaskInbox.PAGE)
                .stream().map(Task::getId).toList();
        String mine = section(page, "mine-heading");
        assertThat(mine).contains("My tasks (" + assigned.size() + ")").doesNotContain("<td>—</td>");
        assertThat(linkedTasks(mine)).as("rows of My tasks").containsExactlyInAnyOrderElementsOf(assigned)
                .contains(claimed.getId()).doesNotContain(offered.getId());
        assertThat(linkedTasks(section(page, "group-heading"))).as("rows of my group's tasks")
                .contains(claimed.getId(), offered.getId());
        // My tasks are not selected for claiming: no Select column, in the head or in a row.
        assertThat(mine).as("My tasks").doesNotContain(">Select<").doesNotContain("<td></td>")
                .doesNotContain("type=\"checkbox\"");
        assertThat(section(page, "group-heading")).as("my group's tasks").contains(">Select<", "type=\"checkbox\"");
    }

    private Task hubReview(String applicationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(applicationId).taskDefinitionKey("user_hub_review").singleResult(), t -> t != null);
    }

    /** The part of the page from the heading with this id to the end of its section. */
    private static String section(String page, String headingId) {
        int start = page.indexOf("id=\"" + headingId + "\"");
        assertThat(start).as(headingId).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The tasks a part of the list links to, one per row. */
    private static List<String> linkedTasks(String html) {
        return Pattern.compile("href=\"/tasks/([^\"/?]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    private String submitted() throws Exception {
        String applicationId = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andReturn().getResponse().getRedirectedUrl().split("/")[3];
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection());
        return applicationId;
    }

    @SuppressWarnings("unchecked")
    private List<TaskRow> list(String username, String search, String which) throws Exception {
        return (List<TaskRow>) mvc.perform(get("/tasks").param("search", search).with(SignedIn.as(users, username)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get(which);
    }

    private static Optional<TaskRow> row(List<TaskRow> rows, String applicationId) {
        return rows.stream().filter(r -> applicationId.equals(r.businessKey())).findFirst();
    }
}
