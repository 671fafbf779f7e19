package org.strongcities.fund.domain.award;

import org.strongcities.fund.domain.ExistingAggregates;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.ledger.Contribution;
import org.strongcities.fund.domain.membership.MemberCity;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Requests, approves and pays tranches. Each step checks the city's overdue-report hold (no tranche
 * moves towards payment while a report is overdue) and the award's rules; paying also debits the
 * contributions that fund the award, all in one unit of work.
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
    public void handle(RequestTrancheCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        requireNoReportHold(award, "request tranche " + command.trancheId() + " of award " + command.awardId());
        award.execute(it -> it.requestTranche(command));
    }

    @CommandHandler
    public void handle(ApproveTrancheCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        requireNoReportHold(award, "approve tranche " + command.trancheId() + " of award " + command.awardId());
        award.execute(it -> it.approveTranche(command));
    }

    @CommandHandler
    public void handle(RecordTranchePaymentCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        List<FundingAllocation> draws = award.invoke(it -> it.paymentDraws(command));
        requireNoReportHold(award, "pay tranche " + command.trancheId() + " of award " + command.awardId());
        for (FundingAllocation draw : draws) {
            ExistingAggregates.load(contributions, draw.contributionId(), "contribution").execute(contribution ->
                    contribution.disburse(command.awardId(), command.trancheId(), draw.usd(), command.paymentReference(), command.actor()));
        }
        award.execute(it -> it.recordPayment(command, draws));
    }

    private void requireNoReportHold(Aggregate<Award> award, String whatIsBlocked) {
        ExistingAggregates.load(cities, award.invoke(Award::cityId), "member city")
                .execute(city -> city.requireNoOverdueReports(whatIsBlocked));
    }
}
