package org.strongcities.fund.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.process.engine.ProcessEngineTuning;

/**
 * One real PostgreSQL and one Camunda engine on it for the whole test run: starting them once
 * keeps the suite fast. Delegates are registered per test with Mocks.register.
 */
public final class TestEngine {

    private static EmbeddedPostgres postgres;
    /** One instance: Spring binds transactions to the DataSource object, so everyone must share it. */
    private static DataSource dataSource;
    private static ProcessEngine processEngine;

    private TestEngine() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the process tests", e);
            }
            dataSource = postgres.getPostgresDatabase();
            new JdbcTemplate(dataSource).execute(
                    "create table process_bridge_handled_event (event_id varchar(255) primary key,"
                            + " handled_at timestamp with time zone not null default now())");
        }
        return dataSource;
    }

    public static synchronized ProcessEngine processEngine() {
        if (processEngine == null) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneProcessEngineConfiguration()
                    .setDataSource(dataSource())
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
                    .setJobExecutorActivate(false)
                    .setProcessEngineName("fund-process-test");
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.getProcessEnginePlugins().add(new ProcessEngineTuning());
            processEngine = configuration.buildProcessEngine();
        }
        return processEngine;
    }
}
