package org.strongcities.fund.process;

import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every process test shares: the engine on PostgreSQL, a mock command gateway that records
 * the commands, a recording notifier, the clock and the job runner. Each test registers the
 * delegates of its process in {@link #registerDelegates()}.
 */
public abstract class ProcessTestSupport {

    /** Per test instance: a static one shared by several classes loses its engine after the first class. */
    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(TestEngine.processEngine()).build();

    protected final ProcessEngine engine = TestEngine.processEngine();
    protected final CommandGateway commandGateway = mock(CommandGateway.class);
    protected final RecordingNotifier notifier = new RecordingNotifier();
    protected final HandledEvents handledEvents = new HandledEvents(TestEngine.dataSource());
    protected final ProcessTasks processTasks = new ProcessTasks(engine.getTaskService(), engine.getRuntimeService(), commandGateway);
    protected final String caseId = UUID.randomUUID().toString();

    @BeforeEach
    void registerSharedBeans() {
        BpmnAwareTests.init(engine);
        Mocks.register(SendNoticeDelegate.BEAN, new SendNoticeDelegate(notifier));
        registerDelegates();
    }

    @AfterEach
    void resetClockAndMocks() {
        ClockUtil.reset();
        Mocks.reset();
    }

    protected abstract void registerDelegates();

    /** Moves the clock and runs every job due by then, as the job executor would. */
    protected void passTime(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        runDueJobs();
    }

    /** One at a time, earliest first: a job may cancel others (an interrupting timer ends its siblings). */
    protected void runDueJobs() {
        ManagementService management = engine.getManagementService();
        List<Job> next = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        while (!next.isEmpty()) {
            management.executeJob(next.get(0).getId());
            next = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        }
    }

    protected Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The one open task of the case at the element, e.g. user_hub_review. */
    protected Task task(String elementId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey(elementId).singleResult();
    }

    protected static String newEventId() {
        return UUID.randomUUID().toString();
    }

    protected static Set<String> groups(String... names) {
        return Set.of(names);
    }
}
