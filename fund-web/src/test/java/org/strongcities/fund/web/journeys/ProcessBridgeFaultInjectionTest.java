package org.strongcities.fund.web.journeys;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.ResubmitApplicationCommand;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.ProcessTasks;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Failures injected on both sides of the bridge between Camunda and Axon, through the real
 * components: whatever fails, no task is completed without its event, and no event is stored
 * without its process step.
 */
class ProcessBridgeFaultInjectionTest extends JourneyTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessTasks processTasks;
    @Autowired
    CommandGateway commands;

    @Test
    void aProcessStepThatFailsAfterTheCommandLeavesNeitherTheTaskCompletedNorTheEventStored() throws Exception {
        Journeys journeys = journeys();
        String applicationId = journeys.submitted();
        Task central = journeys.centralReviewOpened(applicationId);
        int eventsBefore = events(applicationId);

        // The command is valid and runs; completing the task without its outcome variable makes the
        // next gateway fail inside the same transaction.
        assertThatThrownBy(() -> processTasks.complete(central.getId(), "central.reviewer", Set.of(CandidateGroups.CENTRAL_TEAM),
                new DecideApplicationCommand(applicationId, DecisionType.APPROVE_IN_FULL, null, null, "Fine.", null, false,
                        "central.reviewer"), Map.of()));

        assertThat(events(applicationId)).isEqualTo(eventsBefore);
        assertThat(eventsOfType(applicationId, "ApplicationDecidedEvent")).isZero();
        assertThat(tasks.createTaskQuery().taskId(central.getId()).singleResult()).as("task still open").isNotNull();
    }

    @Test
    void aRefusedCommandLeavesTheTaskOpenAndTellsThePersonWhy() throws Exception {
        Journeys journeys = journeys();
        String applicationId = journeys.submitted();
        Task central = journeys.centralReviewOpened(applicationId);

        // A decline without a reason the applicant can read is refused by the domain.
        mvc.perform(post("/tasks/" + central.getId() + "/decision").param("decisionType", "DECLINE")
                        .param("rationaleForApplicant", " ").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .with(org.strongcities.fund.web.support.SignedIn.as(users, "central.reviewer")))
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error")))
                        .contains("not complete"));

        assertThat(eventsOfType(applicationId, "ApplicationDecidedEvent")).isZero();
        assertThat(tasks.createTaskQuery().taskId(central.getId()).singleResult()).isNotNull();
    }

    @Test
    void anEventWhoseProcessStepFailsIsNotStored() throws Exception {
        Journeys journeys = journeys();
        String applicationId = journeys.submitted();
        Task hub = journeys.open(applicationId, "user_hub_review", "hub.eastafrica");
        journeys.ok(post("/tasks/" + hub.getId() + "/revision").param("rationaleForApplicant", "Explain the venues."),
                "hub.eastafrica");
        assertThat(jdbc.queryForObject("SELECT status FROM rm_application WHERE application_id = ?", String.class,
                applicationId)).isEqualTo("REVISION_REQUESTED");
        int eventsBefore = events(applicationId);
        ApplicationContent content = jdbc.queryForObject("SELECT content FROM rm_application_version WHERE application_id = ? "
                + "AND version = 1", (rs, row) -> readContent(rs.getString(1)), applicationId);

        // The process that waits for the resubmission is gone (an operator removed it): the bridge cannot
        // correlate the event, so the command fails as a whole and the event is not stored.
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "fault injection"));
        assertThatThrownBy(() -> commands.sendAndWait(new ResubmitApplicationCommand(applicationId, content,
                "Venues explained.", "focal.nairobi")));

        assertThat(events(applicationId)).isEqualTo(eventsBefore);
        assertThat(eventsOfType(applicationId, "ApplicationResubmittedEvent")).isZero();
    }

    private ApplicationContent readContent(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().readValue(json, ApplicationContent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int eventsOfType(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Integer.class, aggregateId, "%." + type);
    }
}
