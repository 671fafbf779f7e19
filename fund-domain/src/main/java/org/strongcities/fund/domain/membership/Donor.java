package org.strongcities.fund.domain.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.DonorRegisteredEvent;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A government, city, fund, company or multilateral body that contributes money to the fund. */
public class Donor {

    @AggregateIdentifier
    private String donorId;

    protected Donor() {
        // for Axon
    }

    @CommandHandler
    public Donor(RegisterDonorCommand command) {
        BusinessRuleViolation.requireText(command.donorId(), "A donor needs an id");
        BusinessRuleViolation.requireText(command.name(), "Donor " + command.donorId() + " needs a name");
        BusinessRuleViolation.require(command.donorType() != null, "Donor " + command.name()
                + " needs a type: government, city, fund, private sector or multilateral");
        // Governments and cities belong to a country; funds, companies and multilaterals may not.
        boolean needsCountry = command.donorType() == DonorType.GOVERNMENT || command.donorType() == DonorType.CITY;
        if (needsCountry || command.countryCode() != null) {
            CountryCodes.requireValid(command.countryCode(), "donor " + command.name());
        }
        apply(new DonorRegisteredEvent(command.donorId(), command.name(), command.donorType(), command.countryCode(),
                command.iatiOrgRef(), command.actor()));
    }

    @EventSourcingHandler
    void on(DonorRegisteredEvent event) {
        donorId = event.donorId();
    }
}
