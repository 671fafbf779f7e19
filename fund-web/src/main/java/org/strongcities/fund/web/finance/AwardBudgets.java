package org.strongcities.fund.web.finance;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.BudgetLine;

import java.util.List;

/**
 * The budget lines of an award as they stand, which the amendment form starts from. No read model keeps
 * them (no other page shows them), so they are read from the award's own events, as the Award folds
 * them: the lines it was made with, replaced by each approved amendment that re-divides the budget.
 * Read from sequence 0, so a snapshot (which carries no event of its own) is never in the way.
 */
@Component
class AwardBudgets {

    private final EventStore events;

    AwardBudgets(EventStore events) {
        this.events = events;
    }

    List<BudgetLine> current(String awardId) {
        List<BudgetLine> lines = List.of();
        DomainEventStream stream = events.readEvents(awardId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof AwardMadeEvent made) {
                lines = made.budgetLines();
            } else if (event.getPayload() instanceof AmendmentApprovedEvent approved
                    && approved.kind() != AmendmentKind.NEW_END_DATE) {
                lines = approved.terms().budgetLines();
            }
        }
        return lines;
    }
}
