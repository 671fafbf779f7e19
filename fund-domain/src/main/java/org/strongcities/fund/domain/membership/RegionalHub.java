package org.strongcities.fund.domain.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegionalHubRegisteredEvent;
import org.strongcities.fund.domain.api.RegisterRegionalHubCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A field-based team (often an NGO partner) that coordinates support in its region. */
public class RegionalHub {

    @AggregateIdentifier
    private String hubId;
    private Region region;

    protected RegionalHub() {
        // for Axon
    }

    @CommandHandler
    public RegionalHub(RegisterRegionalHubCommand command) {
        BusinessRuleViolation.requireText(command.hubId(), "A regional hub needs an id");
        BusinessRuleViolation.requireText(command.name(), "Regional hub " + command.hubId() + " needs a name");
        BusinessRuleViolation.require(command.region() != null, "Regional hub " + command.name() + " needs a region");
        BusinessRuleViolation.requireText(command.hostOrganisation(),
                "Regional hub " + command.name() + " needs the organisation that hosts it");
        apply(new RegionalHubRegisteredEvent(command.hubId(), command.name(), command.region(),
                command.hostOrganisation(), command.actor()));
    }

    @EventSourcingHandler
    void on(RegionalHubRegisteredEvent event) {
        hubId = event.hubId();
        region = event.region();
    }

    public Region region() {
        return region;
    }
}
