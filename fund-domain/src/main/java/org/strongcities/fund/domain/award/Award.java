package org.strongcities.fund.domain.award;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.RecordedTime;
import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AmendmentRejectedEvent;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.AwardClosedEvent;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RefundRecordedEvent;
import org.strongcities.fund.domain.api.RejectAmendmentCommand;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.ReportAcceptedEvent;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportMarkedOverdueEvent;
import org.strongcities.fund.domain.api.ReportRejectedEvent;
import org.strongcities.fund.domain.api.ReportSubmittedEvent;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.domain.api.TrancheApprovedEvent;
import org.strongcities.fund.domain.api.TranchePaidEvent;
import org.strongcities.fund.domain.api.TrancheRequestedEvent;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.policy.AwardTerms;
import org.strongcities.fund.domain.policy.FourEyesPolicy;
import org.strongcities.fund.domain.policy.FundingPolicy;
import org.strongcities.fund.domain.policy.ReportingPeriod;
import org.strongcities.fund.domain.policy.Totals;
import org.strongcities.fund.domain.policy.TrancheDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * Support given to a member city: amount, budget lines, tranches, reporting obligations and
 * conditions, funded by commitments on contributions. Handlers that also touch contributions or
 * the city ({@link AwardFunding}, {@link TranchePayments}, {@link ReportHolds}) call the public
 * methods here, which check the award's own rules before anything is applied.
 */
public class Award {

    enum TrancheStatus { PLANNED, REQUESTED, APPROVED, PAID }

    enum ReportStatus { DUE, SUBMITTED, ACCEPTED, REJECTED, OVERDUE }

    @AggregateIdentifier
    private String awardId;
    private String cityId;
    private CaseProfile caseProfile;
    private Money amount;
    private List<BudgetLine> budgetLines;
    /** The award's period: from the day it was made (its event's day, as RecordedTime read it) to its end date. */
    private LocalDate madeOn;
    private LocalDate endDate;
    private final Map<String, Tranche> tranches = new LinkedHashMap<>();
    private final Map<String, Report> reports = new LinkedHashMap<>();
    /** Per contribution, in the order the award draws on them. */
    private final Map<String, Allocation> allocations = new LinkedHashMap<>();
    private final Map<String, Amendment> amendments = new HashMap<>();
    private final Set<String> refundIds = new HashSet<>();
    private Set<String> applicants;
    /** Those who decided the application and the one who made the award: none of them pays it out. */
    private final Set<String> approvers = new HashSet<>();
    private Money paid = Money.zero(Money.USD);
    private Money refunded = Money.zero(Money.USD);
    private boolean closed;

    protected Award() {
        // for Axon
    }

    Award(MakeAwardCommand command, List<String> applicants, List<String> decidedBy) {
        apply(new AwardMadeEvent(command.awardId(), command.applicationId(), command.cityId(), command.region(),
                command.priorities(), command.supportType(), command.purpose(), command.amount(), command.budgetLines(),
                command.tranches(), command.reportingObligations(), command.conditions(), command.endDate(),
                command.allocations(), applicants, decidedBy, command.actor()));
    }

    /** Checks the award's own rules and records the request; the city's report hold is checked by {@link TranchePayments}. */
    public void requestTranche(RequestTrancheCommand command) {
        Tranche tranche = tranche(command.trancheId());
        requireOpen();
        BusinessRuleViolation.require(tranche.status == TrancheStatus.PLANNED, describe(tranche) + " is already "
                + tranche.status.name().toLowerCase(Locale.ROOT));
        apply(new TrancheRequestedEvent(awardId, tranche.schedule.trancheId(), tranche.schedule.amount(), command.actor()));
    }

    /** Checks the award's own rules and records the approval; the city's report hold is checked by {@link TranchePayments}. */
    public void approveTranche(ApproveTrancheCommand command) {
        Tranche tranche = tranche(command.trancheId());
        requireOpen();
        BusinessRuleViolation.require(tranche.status == TrancheStatus.REQUESTED, describe(tranche) + " is "
                + tranche.status.name().toLowerCase(Locale.ROOT) + "; only a requested tranche can be approved");
        FourEyesPolicy.requireDistinct(tranche.requestedBy, "requester", command.actor(), "finance approver", describe(tranche));
        requireNotAnApplicant(command.actor(), "finance approver");
        apply(new TrancheApprovedEvent(awardId, tranche.schedule.trancheId(), tranche.schedule.amount(), tranche.requestedBy,
                command.actor()));
    }

    /**
     * Checks that the tranche may be paid and says which contributions pay it, in allocation order.
     * The city's overdue-report hold is checked by {@link TranchePayments}.
     */
    public List<FundingAllocation> paymentDraws(RecordTranchePaymentCommand command) {
        Tranche tranche = tranche(command.trancheId());
        requireOpen();
        BusinessRuleViolation.require(tranche.status == TrancheStatus.APPROVED, "Cannot pay " + describe(tranche) + ": it is "
                + tranche.status.name().toLowerCase(Locale.ROOT) + ", and only an approved tranche is paid");
        String gate = tranche.schedule.requiresReportId();
        if (gate != null) {
            Report report = reports.get(gate);
            BusinessRuleViolation.require(report.status == ReportStatus.ACCEPTED, "Cannot pay " + describe(tranche)
                    + ": it waits for report " + gate + " to be accepted, and the report is "
                    + report.status.name().toLowerCase(Locale.ROOT));
        }
        requireNotAnApplicant(command.actor(), "person who pays it out");
        for (String approver : approvers) {
            FourEyesPolicy.requireDistinct(approver, "approver", command.actor(), "person who pays it out", "award " + awardId);
        }
        FourEyesPolicy.requireDistinct(tranche.approvedBy, "finance approver", command.actor(), "person who pays it out",
                describe(tranche));
        BusinessRuleViolation.requireLine(command.paymentReference(), "Payment of " + describe(tranche) + " needs its payment reference");
        BusinessRuleViolation.require(command.valueDate() != null, "Payment of " + describe(tranche) + " needs its value date");
        // As for money received (ReceiptDating): a payment is recorded once it has left, so that balances as of a
        // day never count money that had not moved by then.
        LocalDate today = RecordedTime.today();
        BusinessRuleViolation.require(!command.valueDate().isAfter(today), "Payment of " + describe(tranche) + " has a value date of "
                + command.valueDate() + ", after today (" + today + "); record the payment once the money has left, with that day");
        BusinessRuleViolation.require(command.conversion() == null || command.conversion().original().equals(tranche.schedule.amount()),
                "The conversion of " + describe(tranche) + " must start from its " + tranche.schedule.amount());
        Money paidAfter = paid.plus(tranche.schedule.amount());
        BusinessRuleViolation.require(!paidAfter.isGreaterThan(amount), "Paying " + describe(tranche) + " would bring the total paid to "
                + paidAfter + ", above the award of " + amount);
        return FundingPolicy.drawInOrder(tranche.schedule.amount(),
                allocations.values().stream().map(Allocation::undrawn).toList());
    }

    public void recordPayment(RecordTranchePaymentCommand command, List<FundingAllocation> draws) {
        Tranche tranche = tranche(command.trancheId());
        apply(new TranchePaidEvent(awardId, cityId, tranche.schedule.trancheId(), tranche.schedule.amount(), draws,
                command.paymentReference(), command.valueDate(), command.conversion(), command.actor()));
    }

    @CommandHandler
    void handle(SubmitReportCommand command) {
        Report report = report(command.reportId());
        requireOpen();
        BusinessRuleViolation.require(EnumSet.of(ReportStatus.DUE, ReportStatus.OVERDUE, ReportStatus.REJECTED).contains(report.status),
                "Report " + report.obligation.reportId() + " of award " + awardId + " is already " + report.status.name().toLowerCase(Locale.ROOT));
        BusinessRuleViolation.requireText(command.narrative(), "Report " + report.obligation.reportId() + " of award " + awardId + " needs a narrative");
        apply(new ReportSubmittedEvent(awardId, report.obligation.reportId(), report.obligation.kind(), command.narrative(),
                command.results() == null ? List.of() : List.copyOf(command.results()), command.actor()));
    }

    /** Accepting a report also lifts the city's payment hold; {@link ReportHolds} does both. */
    public void acceptReport(String reportId, String actor) {
        Report report = requireSubmitted(reportId);
        FourEyesPolicy.requireDistinct(report.submittedBy, "author", actor, "reviewer", "report " + reportId + " of award " + awardId);
        apply(new ReportAcceptedEvent(awardId, cityId, reportId, report.obligation.kind(), actor));
    }

    @CommandHandler
    void handle(RejectReportCommand command) {
        requireSubmitted(command.reportId());
        BusinessRuleViolation.requireText(command.reason(), "Say why report " + command.reportId() + " of award " + awardId + " is rejected");
        apply(new ReportRejectedEvent(awardId, command.reportId(), command.reason(), command.actor()));
    }

    /** A report submitted on time is not overdue even while it waits for review, nor one whose due date has not passed. */
    public void markReportOverdue(String reportId, String actor) {
        Report report = report(reportId);
        BusinessRuleViolation.require(report.status == ReportStatus.DUE || report.status == ReportStatus.REJECTED,
                "Report " + reportId + " of award " + awardId + " is " + report.status.name().toLowerCase(Locale.ROOT) + ", not due");
        LocalDate overdueFrom = ReportingPeriod.overdueFrom(report.obligation.dueDate());
        LocalDate today = RecordedTime.today();
        BusinessRuleViolation.require(!today.isBefore(overdueFrom), "Report " + reportId + " of award " + awardId
                + " falls due on " + report.obligation.dueDate() + " and is overdue only from " + overdueFrom
                + "; today is " + today);
        apply(new ReportMarkedOverdueEvent(awardId, cityId, reportId, report.obligation.dueDate(), actor));
    }

    @CommandHandler
    void handle(ProposeAmendmentCommand command) {
        requireOpen();
        BusinessRuleViolation.requireText(command.amendmentId(), "An amendment of award " + awardId + " needs an id");
        // The amendment's id is made by the form and never shown while it is typed: refusals name the change.
        String amendment = "The " + describeAmendment(command.kind(), command.terms());
        BusinessRuleViolation.require(!amendments.containsKey(command.amendmentId()),
                amendment + " already exists (the form was sent twice); see the award's amendments");
        BusinessRuleViolation.require(command.kind() != null && command.terms() != null, amendment + " needs a kind and its terms");
        BusinessRuleViolation.requireText(command.reason(), "Say why award " + awardId + " should be amended");
        List<String> problems = amendmentProblems(command.kind(), command.terms());
        BusinessRuleViolation.require(problems.isEmpty(), amendment + " needs: " + String.join("; ", problems));
        apply(new AmendmentProposedEvent(awardId, command.amendmentId(), command.kind(), command.terms(), command.reason(),
                command.actor()));
    }

    /** Checks the approval; for more money {@link AwardFunding} commits the added funds first. */
    public AmendmentTerms amendmentToApprove(String amendmentId, String actor) {
        Amendment amendment = pendingAmendment(amendmentId);
        requireOpen();
        FourEyesPolicy.requireDistinct(amendment.proposedBy, "proposer", actor, "approver",
                "the " + describeAmendment(amendment.kind, amendment.terms));
        List<String> problems = amendmentProblems(amendment.kind, amendment.terms);
        BusinessRuleViolation.require(problems.isEmpty(), "The " + describeAmendment(amendment.kind, amendment.terms)
                + " no longer fits the award: " + String.join("; ", problems));
        return amendment.terms;
    }

    public void approveAmendment(String amendmentId, String actor) {
        Amendment amendment = pendingAmendment(amendmentId);
        apply(new AmendmentApprovedEvent(awardId, amendmentId, amendment.kind, amendment.terms, amendment.proposedBy, actor));
    }

    @CommandHandler
    void handle(RejectAmendmentCommand command) {
        Amendment amendment = pendingAmendment(command.amendmentId());
        BusinessRuleViolation.requireText(command.reason(),
                "Say why the " + describeAmendment(amendment.kind, amendment.terms) + " is rejected");
        apply(new AmendmentRejectedEvent(awardId, command.amendmentId(), command.reason(), command.actor()));
    }

    /** Checks the refund and splits it over the contributions that paid the award, in allocation order. */
    public List<FundingAllocation> refundDraws(RecordRefundCommand command) {
        BusinessRuleViolation.requireText(command.refundId(), "A refund on award " + awardId + " needs an id");
        // The refund's id is made by the form and never shown while it is typed: refusals name its amount.
        String refund = "The refund" + (command.usd() == null ? "" : " of " + command.usd()) + " on award " + awardId;
        BusinessRuleViolation.require(!refundIds.contains(command.refundId()),
                refund + " is already recorded (the form was sent twice); see the award's refunds");
        BusinessRuleViolation.require(command.usd() != null && command.usd().isUsd() && command.usd().isPositive(),
                "The refund on award " + awardId + " needs an amount above zero in USD, was " + command.usd());
        BusinessRuleViolation.requireText(command.reason(), "Say why award " + awardId + " refunds " + command.usd());
        Money netPaid = paid.minus(refunded);
        BusinessRuleViolation.require(!command.usd().isGreaterThan(netPaid), refund + " is more than the " + netPaid + " paid out on award " + awardId + " and not yet refunded");
        return FundingPolicy.drawInOrder(command.usd(), allocations.values().stream().map(Allocation::netPaid).toList());
    }

    public void recordRefund(RecordRefundCommand command, List<FundingAllocation> returnedTo) {
        apply(new RefundRecordedEvent(awardId, command.refundId(), command.usd(), returnedTo, command.reason(), command.actor()));
    }

    /**
     * The award closes when its final report is accepted; what it never drew goes back to the
     * contributions (returned here, released by {@link AwardFunding}).
     */
    public List<FundingAllocation> closeOutReleases() {
        requireOpen();
        List<String> finalReportsNotAccepted = reports.values().stream()
                .filter(report -> report.obligation.kind() == ReportKind.FINAL && report.status != ReportStatus.ACCEPTED)
                .map(report -> report.obligation.reportId() + " (" + report.status.name().toLowerCase(Locale.ROOT) + ")")
                .toList();
        BusinessRuleViolation.require(finalReportsNotAccepted.isEmpty(), "Cannot close award " + awardId
                + ": the final report must be accepted first: " + String.join(", ", finalReportsNotAccepted));
        return allocations.values().stream().map(Allocation::undrawn).filter(undrawn -> undrawn.usd().isPositive()).toList();
    }

    public void close(List<FundingAllocation> released, String actor) {
        Money releasedTotal = Money.sum(released.stream().map(FundingAllocation::usd).toList(), Money.USD);
        apply(new AwardClosedEvent(awardId, paid, refunded, releasedTotal, actor));
    }

    public String cityId() {
        return cityId;
    }

    public CaseProfile caseProfile() {
        return caseProfile;
    }

    private List<String> amendmentProblems(AmendmentKind kind, AmendmentTerms terms) {
        List<String> problems = new ArrayList<>();
        switch (kind) {
            case MORE_MONEY -> {
                Money more = terms.additionalAmount();
                if (more == null || !more.isUsd() || !more.isPositive()) {
                    problems.add("an additional amount above zero in USD (was " + more + ")");
                    return problems;
                }
                addIfPresent(problems, Totals.mismatch("additional allocations",
                        terms.additionalAllocations().stream().map(FundingAllocation::usd).toList(), more));
                addIfPresent(problems, Totals.mismatch("additional tranches",
                        terms.additionalTranches().stream().map(TrancheSchedule::amount).toList(), more));
                addIfPresent(problems, Totals.mismatch("budget lines",
                        terms.budgetLines().stream().map(BudgetLine::amount).toList(), amount.plus(more)));
                List<TrancheSchedule> allTranches = new ArrayList<>(tranches.values().stream().map(t -> t.schedule).toList());
                allTranches.addAll(terms.additionalTranches());
                problems.addAll(AwardTerms.scheduleProblems(allTranches,
                        reports.values().stream().map(report -> report.obligation).toList()));
                problems.addAll(TrancheDates.problems(terms.additionalTranches(), madeOn, endDate));
            }
            case NEW_END_DATE -> {
                if (terms.newEndDate() == null) {
                    problems.add("the new end date");
                    return problems;
                }
                // The reports stay as promised; the new end must still leave each of them due within its period.
                problems.addAll(ReportingPeriod.problems(reports.values().stream().map(report -> report.obligation).toList(),
                        madeOn, terms.newEndDate()));
                // So must every tranche still to be paid: planned by the new end (a paid one's plan is history).
                problems.addAll(TrancheDates.problems(tranches.values().stream()
                        .filter(tranche -> tranche.status != TrancheStatus.PAID).map(tranche -> tranche.schedule).toList(),
                        madeOn, terms.newEndDate()));
            }
            case MOVE_BUDGET_LINES -> addIfPresent(problems, terms.budgetLines().isEmpty() ? "at least one budget line"
                    : Totals.mismatch("budget lines", terms.budgetLines().stream().map(BudgetLine::amount).toList(), amount));
        }
        return problems;
    }

    private static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    private Tranche tranche(String trancheId) {
        Tranche tranche = tranches.get(trancheId);
        BusinessRuleViolation.require(tranche != null, "Award " + awardId + " has no tranche '" + trancheId + "'");
        return tranche;
    }

    private Report report(String reportId) {
        Report report = reports.get(reportId);
        BusinessRuleViolation.require(report != null, "Award " + awardId + " has no report '" + reportId + "'");
        return report;
    }

    private Report requireSubmitted(String reportId) {
        Report report = report(reportId);
        BusinessRuleViolation.require(report.status == ReportStatus.SUBMITTED, "Report " + reportId + " of award " + awardId
                + " is " + report.status.name().toLowerCase(Locale.ROOT) + "; only a submitted report is reviewed");
        return report;
    }

    private Amendment pendingAmendment(String amendmentId) {
        Amendment amendment = amendments.get(amendmentId);
        BusinessRuleViolation.require(amendment != null, "Award " + awardId + " has no such amendment awaiting approval");
        BusinessRuleViolation.require(!amendment.settled, "The " + describeAmendment(amendment.kind, amendment.terms)
                + " is no longer awaiting approval: it was approved or rejected already");
        return amendment;
    }

    /** An amendment in the words of the award's page, which lists amendments by the change they propose. */
    private String describeAmendment(AmendmentKind kind, AmendmentTerms terms) {
        String change = kind == null || terms == null ? "" : switch (kind) {
            case MORE_MONEY -> " for " + terms.additionalAmount() + " more";
            case NEW_END_DATE -> " for a new end date of " + terms.newEndDate();
            case MOVE_BUDGET_LINES -> " moving money between budget lines";
        };
        return "amendment of award " + awardId + change;
    }

    private void requireOpen() {
        BusinessRuleViolation.require(!closed, "Award " + awardId + " is closed");
    }

    private void requireNotAnApplicant(String actor, String role) {
        for (String applicant : applicants) {
            FourEyesPolicy.requireDistinct(applicant, "applicant", actor, role, "award " + awardId);
        }
    }

    private String describe(Tranche tranche) {
        return "tranche " + tranche.schedule.trancheId() + " (" + tranche.schedule.amount() + ") of award " + awardId
                + " to city " + cityId;
    }

    @EventSourcingHandler
    void on(AwardMadeEvent event, @Timestamp Instant madeAt) {
        awardId = event.awardId();
        madeOn = LocalDate.ofInstant(madeAt, ZoneOffset.UTC);
        endDate = event.endDate();
        cityId = event.cityId();
        caseProfile = new CaseProfile(event.region(), event.priorities(), event.supportType(), event.purpose());
        amount = event.amount();
        budgetLines = List.copyOf(event.budgetLines());
        event.tranches().forEach(schedule -> tranches.put(schedule.trancheId(), new Tranche(schedule)));
        event.reportingObligations().forEach(obligation -> reports.put(obligation.reportId(), new Report(obligation)));
        event.allocations().forEach(this::allocate);
        applicants = Set.copyOf(event.applicants());
        // The approvers of the case are the people who decided it; the finance officer who made the
        // award committed the money the decision granted and may still record its payments.
        approvers.addAll(event.decidedBy());
    }

    private void allocate(FundingAllocation allocation) {
        Allocation share = allocations.computeIfAbsent(allocation.contributionId(), Allocation::new);
        share.allocated = share.allocated.plus(allocation.usd());
    }

    @EventSourcingHandler
    void on(TrancheRequestedEvent event) {
        Tranche tranche = tranches.get(event.trancheId());
        tranche.status = TrancheStatus.REQUESTED;
        tranche.requestedBy = event.actor();
    }

    @EventSourcingHandler
    void on(TrancheApprovedEvent event) {
        Tranche tranche = tranches.get(event.trancheId());
        tranche.status = TrancheStatus.APPROVED;
        tranche.approvedBy = event.actor();
    }

    @EventSourcingHandler
    void on(TranchePaidEvent event) {
        tranches.get(event.trancheId()).status = TrancheStatus.PAID;
        paid = paid.plus(event.amount());
        event.paidFrom().forEach(draw -> {
            Allocation allocation = allocations.get(draw.contributionId());
            allocation.paid = allocation.paid.plus(draw.usd());
        });
    }

    @EventSourcingHandler
    void on(ReportSubmittedEvent event) {
        Report report = reports.get(event.reportId());
        report.status = ReportStatus.SUBMITTED;
        report.submittedBy = event.actor();
    }

    @EventSourcingHandler
    void on(ReportAcceptedEvent event) {
        reports.get(event.reportId()).status = ReportStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReportRejectedEvent event) {
        reports.get(event.reportId()).status = ReportStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ReportMarkedOverdueEvent event) {
        reports.get(event.reportId()).status = ReportStatus.OVERDUE;
    }

    @EventSourcingHandler
    void on(AmendmentProposedEvent event) {
        amendments.put(event.amendmentId(), new Amendment(event.kind(), event.terms(), event.actor()));
    }

    @EventSourcingHandler
    void on(AmendmentApprovedEvent event) {
        amendments.get(event.amendmentId()).settled = true;
        AmendmentTerms terms = event.terms();
        switch (event.kind()) {
            case MORE_MONEY -> {
                amount = amount.plus(terms.additionalAmount());
                terms.additionalAllocations().forEach(this::allocate);
                terms.additionalTranches().forEach(schedule -> tranches.put(schedule.trancheId(), new Tranche(schedule)));
                budgetLines = terms.budgetLines();
            }
            case NEW_END_DATE -> endDate = terms.newEndDate();
            case MOVE_BUDGET_LINES -> budgetLines = terms.budgetLines();
        }
    }

    @EventSourcingHandler
    void on(AmendmentRejectedEvent event) {
        amendments.get(event.amendmentId()).settled = true;
    }

    @EventSourcingHandler
    void on(RefundRecordedEvent event) {
        refundIds.add(event.refundId());
        refunded = refunded.plus(event.usd());
        event.returnedTo().forEach(share -> {
            Allocation allocation = allocations.get(share.contributionId());
            allocation.refunded = allocation.refunded.plus(share.usd());
        });
    }

    @EventSourcingHandler
    void on(AwardClosedEvent event) {
        closed = true;
    }

    private static final class Tranche {
        final TrancheSchedule schedule;
        TrancheStatus status = TrancheStatus.PLANNED;
        String requestedBy;
        String approvedBy;

        Tranche(TrancheSchedule schedule) {
            this.schedule = schedule;
        }
    }

    private static final class Report {
        final ReportingObligation obligation;
        ReportStatus status = ReportStatus.DUE;
        String submittedBy;

        Report(ReportingObligation obligation) {
            this.obligation = obligation;
        }
    }

    private static final class Amendment {
        final AmendmentKind kind;
        final AmendmentTerms terms;
        final String proposedBy;
        boolean settled;

        Amendment(AmendmentKind kind, AmendmentTerms terms, String proposedBy) {
            this.kind = kind;
            this.terms = terms;
            this.proposedBy = proposedBy;
        }
    }

    /** One contribution's part of the award, mirroring the award's share in the contribution's ledger. */
    private static final class Allocation {
        final String contributionId;
        Money allocated = Money.zero(Money.USD);
        Money paid = Money.zero(Money.USD);
        Money refunded = Money.zero(Money.USD);

        Allocation(String contributionId) {
            this.contributionId = contributionId;
        }

        FundingAllocation undrawn() {
            return new FundingAllocation(contributionId, allocated.minus(paid));
        }

        FundingAllocation netPaid() {
            return new FundingAllocation(contributionId, paid.minus(refunded));
        }
    }
}
