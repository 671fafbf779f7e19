package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.SignedIn;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The finance approvers' task list holds one task and one row per requested tranche, and a row says
 * which tranche it is: two tranches of one award in flight used to read as two identical rows
 * ("Approve the tranche payment", same case, same city).
 */
class TrancheTaskListTest extends TaskPageTest {

    @Test
    void each_requested_tranche_is_one_task_and_one_row_that_names_the_tranche() throws Exception {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String awardId = fixture.award(fixture.city("Onceton", "focal.onceton"), "focal.onceton", contributionId, "8000",
                "Youth forum of Onceton", false);
        for (String trancheId : List.of("t-1", "t-2")) {
            mvc.perform(post("/finance/tranches/{a}/{t}/request", awardId, trancheId).with(SignedIn.as(users, "finance.officer"))
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }

        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(awardId)
                .taskDefinitionKey(AwardProcess.Elements.USER_APPROVE_TRANCHE).list();
        Map<Object, Long> tasksPerTranche = tasks.stream().collect(Collectors.groupingBy(
                task -> taskService.getVariable(task.getId(), AwardProcess.Variables.TRANCHE_ID), Collectors.counting()));
        assertThat(tasksPerTranche).as("approval tasks per tranche").isEqualTo(Map.of("t-1", 1L, "t-2", 1L));

        String page = mvc.perform(get("/tasks").with(SignedIn.as(users, "finance.approver"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String group = page.substring(page.indexOf("id=\"group-heading\""));
        List<String> rows = Pattern.compile("<tr>.*?</tr>", Pattern.DOTALL).matcher(group).results().map(m -> m.group())
                .filter(row -> row.contains("<code>" + awardId + "</code>")).toList();
        assertThat(rows).as("rows of the award").hasSize(2).doesNotHaveDuplicates();
        for (Task task : tasks) {
            Object trancheId = taskService.getVariable(task.getId(), AwardProcess.Variables.TRANCHE_ID);
            assertThat(rows).as("the row of tranche " + trancheId).filteredOn(row -> row.contains("/tasks/" + task.getId() + "\""))
                    .singleElement().asString().contains(">Approve the payment of tranche " + trancheId + "</a>");
        }
    }
}
