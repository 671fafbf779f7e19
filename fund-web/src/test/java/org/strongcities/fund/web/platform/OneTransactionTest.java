package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Camunda's engine and Axon's event store share one DataSource and one Spring transaction: a
 * process step and the event it goes with are stored together or not at all.
 */
class OneTransactionTest extends ApplicationTest {

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailureAfterBothStoresNeitherTheProcessNorTheEvent() {
        String donorId = "donor-rollback-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            runtime.startProcessInstanceByKey("wiring_probe", donorId);
            commands.sendAndWait(register(donorId));
            assertThat(processesWithKey(donorId)).as("visible inside the transaction").isEqualTo(1);
            assertThat(eventsOf(donorId)).as("visible inside the transaction").isEqualTo(1);
            throw new IllegalStateException("injected failure after both writes");
        })).hasMessage("injected failure after both writes");

        assertThat(processesWithKey(donorId)).isZero();
        assertThat(eventsOf(donorId)).isZero();
    }

    @Test
    void withoutAFailureBothAreStored() {
        String donorId = "donor-commit-" + UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            runtime.startProcessInstanceByKey("wiring_probe", donorId);
            commands.sendAndWait(register(donorId));
        });

        assertThat(processesWithKey(donorId)).isEqualTo(1);
        assertThat(eventsOf(donorId)).isEqualTo(1);
    }

    @Test
    void aRejectedCommandRollsBackTheProcessStepToo() {
        String donorId = "donor-rejected-" + UUID.randomUUID();
        commands.sendAndWait(register(donorId));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            runtime.startProcessInstanceByKey("wiring_probe", donorId);
            commands.sendAndWait(register(donorId)); // the same donor twice: the event store refuses it
        }));

        assertThat(processesWithKey(donorId)).isZero();
        assertThat(eventsOf(donorId)).isEqualTo(1);
    }

    private static RegisterDonorCommand register(String donorId) {
        return new RegisterDonorCommand(donorId, "Test donor " + donorId, DonorType.FUND, "NO", null, "finance.officer");
    }

    private int processesWithKey(String businessKey) {
        return jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ?", Integer.class, businessKey);
    }

    private int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class,
                aggregateId);
    }
}
