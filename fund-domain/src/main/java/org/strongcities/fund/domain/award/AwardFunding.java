package org.strongcities.fund.domain.award;

import org.strongcities.fund.domain.ExistingAggregates;
import org.strongcities.fund.domain.RecordedTime;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.application.Application;
import org.strongcities.fund.domain.ledger.Contribution;
import org.strongcities.fund.domain.policy.AwardTerms;
import org.strongcities.fund.domain.policy.ReportingPeriod;
import org.strongcities.fund.domain.policy.TrancheDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Everything that moves commitments between awards and contributions: making an award, approving
 * more money, refunds and close-out. Each command runs in one unit of work, so when one
 * contribution rejects, nothing is stored on any of them.
 */
public class AwardFunding {

    private final Repository<Contribution> contributions;
    private final Repository<Award> awards;
    private final Repository<Application> applications;

    public AwardFunding(Repository<Contribution> contributions, Repository<Award> awards, Repository<Application> applications) {
        this.contributions = contributions;
        this.awards = awards;
        this.applications = applications;
    }

    @CommandHandler
    public void handle(MakeAwardCommand command) throws Exception {
        BusinessRuleViolation.requireText(command.awardId(), "An award needs an id");
        List<String> problems = AwardTerms.problems(command.amount(), command.budgetLines(), command.tranches(),
                command.reportingObligations(), command.allocations());
        if (problems.isEmpty()) {
            LocalDate today = RecordedTime.today();
            problems = new ArrayList<>(ReportingPeriod.problems(command.reportingObligations(), today, command.endDate()));
            problems.addAll(TrancheDates.problems(command.tranches(), today, command.endDate()));
        }
        // The award's id is made by the form and shown only once the award exists: refusals name the application.
        String award = "The award for application " + command.applicationId() + " of city " + command.cityId();
        BusinessRuleViolation.require(problems.isEmpty(), award + " cannot be made. It needs: " + String.join("; ", problems));
        BusinessRuleViolation.require(command.region() != null && command.supportType() != null,
                award + " needs the region and support type its earmarks are checked against");
        Aggregate<Application> application = ExistingAggregates.load(applications, command.applicationId(), "application");
        application.execute(it -> it.recordAward(command.awardId(), command.cityId(), command.amount(), command.actor()));
        CaseProfile caseProfile = new CaseProfile(command.region(), command.priorities(), command.supportType(), command.purpose());
        commit(command.awardId(), command.allocations(), caseProfile, command.actor());
        List<String> applicants = application.invoke(Application::applicants);
        List<String> decidedBy = application.invoke(Application::decidedBy);
        awards.newInstance(() -> new Award(command, applicants, decidedBy));
    }

    @CommandHandler
    public void handle(ApproveAmendmentCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        AmendmentTerms terms = award.invoke(it -> it.amendmentToApprove(command.amendmentId(), command.actor()));
        commit(command.awardId(), terms.additionalAllocations(), award.invoke(Award::caseProfile), command.actor());
        award.execute(it -> it.approveAmendment(command.amendmentId(), command.actor()));
    }

    @CommandHandler
    public void handle(RecordRefundCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        List<FundingAllocation> returnedTo = award.invoke(it -> it.refundDraws(command));
        for (FundingAllocation share : returnedTo) {
            ExistingAggregates.load(contributions, share.contributionId(), "contribution").execute(contribution ->
                    contribution.creditRefund(command.awardId(), command.refundId(), share.usd(), command.reason(), command.actor()));
        }
        award.execute(it -> it.recordRefund(command, returnedTo));
    }

    @CommandHandler
    public void handle(CloseOutAwardCommand command) {
        Aggregate<Award> award = ExistingAggregates.load(awards, command.awardId(), "award");
        List<FundingAllocation> releases = award.invoke(Award::closeOutReleases);
        for (FundingAllocation release : releases) {
            ExistingAggregates.load(contributions, release.contributionId(), "contribution").execute(contribution ->
                    contribution.release(command.awardId(), release.usd(), "award " + command.awardId() + " closed out", command.actor()));
        }
        award.execute(it -> it.close(releases, command.actor()));
    }

    /**
     * Commits each allocation on its contribution. Contributions are locked in id order, so two
     * awards drawing on the same contributions at once cannot wait on each other for ever.
     */
    private void commit(String awardId, List<FundingAllocation> allocations, CaseProfile caseProfile, String actor) {
        allocations.stream()
                .sorted(Comparator.comparing(FundingAllocation::contributionId))
                .forEach(allocation -> ExistingAggregates.load(contributions, allocation.contributionId(), "contribution")
                        .execute(contribution -> contribution.commitToAward(awardId, allocation.usd(), caseProfile, actor)));
    }
}
