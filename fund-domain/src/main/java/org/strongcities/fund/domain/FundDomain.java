package org.strongcities.fund.domain;

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

/**
 * The whole domain for an Axon configuration: every aggregate and every handler that works
 * across aggregates. The web module registers it as a bean; tests register it on a DefaultConfigurer.
 */
public class FundDomain implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(RegionalHub.class)
                .configureAggregate(MemberCity.class)
                .configureAggregate(Donor.class)
                .configureAggregate(Contribution.class)
                .configureAggregate(Application.class)
                .configureAggregate(Review.class)
                .configureAggregate(Award.class)
                .registerCommandHandler(c -> new ApplicationIntake(c.repository(Application.class), c.repository(MemberCity.class)))
                .registerCommandHandler(c -> new AwardFunding(c.repository(Contribution.class), c.repository(Award.class),
                        c.repository(Application.class)))
                .registerCommandHandler(c -> new TranchePayments(c.repository(Award.class), c.repository(MemberCity.class),
                        c.repository(Contribution.class)))
                .registerCommandHandler(c -> new ReportHolds(c.repository(Award.class), c.repository(MemberCity.class)));
    }
}
