package org.strongcities.fund.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.strongcities.fund.domain.api.BusinessRuleViolation;

/**
 * Fault injection on one Spring transaction, as the web app runs it: the command's "event" (a
 * row the fake gateway writes on the same DataSource) and the task completion commit together
 * or not at all, in both directions.
 */
class ProcessTasksTransactionTest {

    private static final String ACTOR = "tester";
    private static final Set<String> GROUPS = Set.of("testers");
    private static final String PROCESS_KEY = "test_one_transaction";

    /** What the fake gateway and the next step do on this test's command. */
    static boolean rejectCommand;
    static boolean failNextStep;

    private static AnnotationConfigApplicationContext context;
    private static ProcessEngine engine;
    private static ProcessTasks processTasks;
    private static JdbcTemplate jdbc;
    private String taskId;

    @BeforeAll
    static void startSpring() {
        context = new AnnotationConfigApplicationContext(OneTransaction.class);
        engine = context.getBean(ProcessEngine.class);
        processTasks = context.getBean(ProcessTasks.class);
        jdbc = new JdbcTemplate(TestEngine.dataSource());
        jdbc.execute("create table if not exists test_event_entry (payload varchar(255) not null)");
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/test_one_transaction.bpmn").deploy();
    }

    @AfterAll
    static void stopSpring() {
        engine.getRepositoryService().createDeploymentQuery().list()
                .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
        context.close();
    }

    @BeforeEach
    void startCase() {
        rejectCommand = false;
        failNextStep = false;
        jdbc.update("delete from test_event_entry");
        String instanceId = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getId();
        taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    @Test
    void a_rejected_command_leaves_the_task_open_and_no_event() {
        rejectCommand = true;

        assertThatThrownBy(() -> processTasks.complete(taskId, ACTOR, GROUPS, "command", Map.of()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("Rejected by the domain");

        assertTaskOpenAndUnassigned();
        assertThat(events()).isZero();
    }

    @Test
    void a_failing_process_step_leaves_no_event_and_the_task_open() {
        failNextStep = true;

        assertThatThrownBy(() -> processTasks.complete(taskId, ACTOR, GROUPS, "command", Map.of()))
                .hasMessageContaining("The next step failed");

        assertTaskOpenAndUnassigned();
        assertThat(events()).isZero();
    }

    @Test
    void a_completed_task_commits_with_its_event() {
        processTasks.complete(taskId, ACTOR, GROUPS, "command", Map.of());

        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()).isNull();
        assertThat(events()).isEqualTo(1);
    }

    private void assertTaskOpenAndUnassigned() {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getAssignee()).isNull();
    }

    private static int events() {
        return jdbc.queryForObject("select count(*) from test_event_entry", Integer.class);
    }

    @Configuration
    @EnableTransactionManagement
    static class OneTransaction {

        @Bean
        DataSource dataSource() {
            return TestEngine.dataSource();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        SpringProcessEngineConfiguration processEngineConfiguration(DataSource dataSource, PlatformTransactionManager transactionManager) {
            SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
            configuration.setProcessEngineName("fund-process-spring-test");
            configuration.setDataSource(dataSource);
            configuration.setTransactionManager(transactionManager);
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
            configuration.setJobExecutorActivate(false);
            return configuration;
        }

        @Bean
        ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
            ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
            factory.setProcessEngineConfiguration(configuration);
            return factory;
        }

        /** Stands in for Axon: appends an "event" row in the caller's transaction, then may reject. */
        @Bean
        CommandGateway commandGateway(DataSource dataSource) {
            JdbcTemplate eventStore = new JdbcTemplate(dataSource);
            CommandGateway gateway = mock(CommandGateway.class);
            when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
                eventStore.update("insert into test_event_entry (payload) values (?)", invocation.getArgument(0).toString());
                if (rejectCommand) {
                    throw new BusinessRuleViolation("Rejected by the domain");
                }
                return null;
            });
            return gateway;
        }

        @Bean
        JavaDelegate nextStep() {
            return execution -> {
                if (failNextStep) {
                    throw new IllegalStateException("The next step failed");
                }
            };
        }

        @Bean
        ProcessTasks processTasks(ProcessEngine processEngine, CommandGateway commandGateway) {
            return new ProcessTasks(processEngine.getTaskService(), processEngine.getRuntimeService(), commandGateway);
        }
    }
}
