package org.strongcities.fund.domain.award;

import org.strongcities.fund.domain.ExistingAggregates;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.ledger.Contribution;
import org.strongcities.fund.domain.membership.MemberCity;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Pays an approved tranche: the award's rules, then the city's overdue-report hold, then the
 * contributions that fund the award are debited, all in one unit of work.
 */
public class TranchePayments {

    private final Repository<Award> awards;
    private final Repository<MemberCity> cities;
    private final Repository<Contribution> contributions;

    public TranchePayments(Repository<Award> awards, Repository<MemberCity> cities, Repository<Contribution> contributions) {
        this.awards = awards;
        this.cities = cities;
        this.contributions = contributions;
    }

    @CommandHandler
    public void handle(RecordTranchePaymentCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        List<FundingAllocation> draws = award.invoke(it -> it.paymentDraws(command));
        String cityId = award.invoke(Award::cityId);
        ExistingAggregates.load(cities, cityId, "member city").execute(city ->
                city.requireNoOverdueReports("pay tranche " + command.trancheId() + " of award " + command.awardId()));
        for (FundingAllocation draw : draws) {
            ExistingAggregates.load(contributions, draw.contributionId(), "contribution").execute(contribution ->
                    contribution.disburse(command.awardId(), command.trancheId(), draw.usd(), command.paymentReference(), command.actor()));
        }
        award.execute(it -> it.recordPayment(command, draws));
    }
}
