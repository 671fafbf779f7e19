package org.strongcities.fund.domain;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/** Loads an aggregate for a handler that works across aggregates, with a message a person can act on. */
public final class ExistingAggregates {

    private ExistingAggregates() {
    }

    public static <T> Aggregate<T> load(Repository<T> repository, String id, String noun) {
        BusinessRuleViolation.requireText(id, "The " + noun + " id is missing");
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException notFound) {
            throw new BusinessRuleViolation("There is no " + noun + " with id '" + id + "': check the id");
        }
    }
}
