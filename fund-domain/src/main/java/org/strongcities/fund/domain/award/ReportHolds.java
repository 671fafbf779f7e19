package org.strongcities.fund.domain.award;

import org.strongcities.fund.domain.ExistingAggregates;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.membership.MemberCity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * An overdue report holds every tranche payment to its city until the report is accepted.
 * Marking the report overdue and placing the hold (accepting and lifting) happen together.
 */
public class ReportHolds {

    private final Repository<Award> awards;
    private final Repository<MemberCity> cities;

    public ReportHolds(Repository<Award> awards, Repository<MemberCity> cities) {
        this.awards = awards;
        this.cities = cities;
    }

    @CommandHandler
    public void handle(MarkReportOverdueCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        award.execute(it -> it.markReportOverdue(command.reportId(), command.actor()));
        ExistingAggregates.load(cities, award.invoke(Award::cityId), "member city")
                .execute(city -> city.placeReportHold(command.awardId(), command.reportId(), command.actor()));
    }

    @CommandHandler
    public void handle(AcceptReportCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        award.execute(it -> it.acceptReport(command.reportId(), command.actor()));
        ExistingAggregates.load(cities, award.invoke(Award::cityId), "member city")
                .execute(city -> city.liftReportHold(command.awardId(), command.reportId(), command.actor()));
    }
}
