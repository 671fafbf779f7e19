package org.strongcities.fund.web.platform;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessStepConflictsTest {

    private final ProcessStepConflicts handler = new ProcessStepConflicts();
    private final GenericEventMessage<String> event = new GenericEventMessage<>("withdrawn");

    @Test
    void a_process_changed_at_the_same_moment_is_a_conflict_the_person_can_retry() {
        OptimisticLockingException clash = new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction");

        assertThatThrownBy(() -> handler.onError(new ProcessEngineException("correlation failed", clash), event, null))
                .isInstanceOf(ConcurrencyException.class).hasCause(clash)
                .satisfies(conflict -> assertThat(CommandFailures.userMessage(conflict))
                        .hasValue("Someone else changed this record at the same moment: reload the page and try again."));
    }

    @Test
    void any_other_failure_propagates_as_it_is() {
        IllegalStateException bug = new IllegalStateException("no process definition deployed");

        assertThatThrownBy(() -> handler.onError(bug, event, null)).isSameAs(bug);
    }
}
