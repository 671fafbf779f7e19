package org.strongcities.fund.domain;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.strongcities.fund.domain.application.Application;
import org.strongcities.fund.domain.application.ApplicationIntake;
import org.strongcities.fund.domain.award.Award;
import org.strongcities.fund.domain.award.AwardFunding;
import org.strongcities.fund.domain.award.ReportHolds;
import org.strongcities.fund.domain.award.TranchePayments;
import org.strongcities.fund.domain.ledger.Contribution;
import org.strongcities.fund.domain.membership.Donor;
import org.strongcities.fund.domain.membership.MemberCity;
import org.strongcities.fund.domain.membership.RegionalHub;
import org.strongcities.fund.domain.review.Review;

import java.util.function.Function;

/**
 * The whole domain for an Axon configuration: every aggregate and every handler that works
 * across aggregates. The web module registers it as a bean; tests register it on a DefaultConfigurer.
 */
public class FundDomain implements ConfigurerModule {

    private final Function<Configuration, Cache> aggregateCache;
    private final Function<Configuration, LockFactory> aggregateLocks;

    /** Every command loads its aggregates from their events, under Axon's default locks. */
    public FundDomain() {
        this(configuration -> null, configuration -> PessimisticLockFactory.usingDefaults());
    }

    /**
     * Each aggregate type keeps its recently used aggregates in a cache of its own, made by {@code aggregateCache},
     * and locks them with a lock factory of its own, made by {@code aggregateLocks}.
     */
    public FundDomain(Function<Configuration, Cache> aggregateCache, Function<Configuration, LockFactory> aggregateLocks) {
        this.aggregateCache = aggregateCache;
        this.aggregateLocks = aggregateLocks;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(aggregate(RegionalHub.class))
                .configureAggregate(aggregate(MemberCity.class))
                .configureAggregate(aggregate(Donor.class))
                .configureAggregate(aggregate(Contribution.class))
                .configureAggregate(aggregate(Application.class))
                .configureAggregate(aggregate(Review.class))
                .configureAggregate(aggregate(Award.class))
                .registerCommandHandler(c -> new ApplicationIntake(c.repository(Application.class), c.repository(MemberCity.class)))
                .registerCommandHandler(c -> new AwardFunding(c.repository(Contribution.class), c.repository(Award.class),
                        c.repository(Application.class)))
                .registerCommandHandler(c -> new TranchePayments(c.repository(Award.class), c.repository(MemberCity.class),
                        c.repository(Contribution.class)))
                .registerCommandHandler(c -> new ReportHolds(c.repository(Award.class), c.repository(MemberCity.class)));
    }

    private <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(aggregateCache).configureLockFactory(aggregateLocks);
    }
}
