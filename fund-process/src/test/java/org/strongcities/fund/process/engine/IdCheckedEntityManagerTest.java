package org.strongcities.fund.process.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.process.TestEngine;

class IdCheckedEntityManagerTest {

    private final IdCheckedEntityManager manager = new IdCheckedEntityManager(null, null);

    @Test
    void a_valid_id_passes_without_the_row_being_described() {
        assertThatCode(() -> manager.validateId(row("job-1"))).doesNotThrowAnyException();
    }

    @Test
    void a_missing_or_reserved_id_fails_with_camundas_own_message() {
        assertThatThrownBy(() -> manager.validateId(row(null))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("row null has an invalid id");
        assertThatThrownBy(() -> manager.validateId(row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("reserved identifier");
    }

    @Test
    void the_process_engine_opens_it_for_every_command() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) TestEngine.processEngine().getProcessEngineConfiguration();
        DbEntityManager opened = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getSession(DbEntityManager.class));
        assertThat(opened).isInstanceOf(IdCheckedEntityManager.class);
    }

    /** A row whose description is only built for a failure message; a valid id must never need it. */
    private static DbEntity row(String id) {
        return new DbEntity() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void setId(String ignored) {
            }

            @Override
            public Object getPersistentState() {
                return this;
            }

            @Override
            public String toString() {
                if (id != null && !"*".equals(id)) {
                    throw new AssertionError("described a row whose id " + id + " is valid");
                }
                return "row " + id;
            }
        };
    }
}
