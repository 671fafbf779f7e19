package org.strongcities.fund.domain.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.RecordedTime;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.ContributionAgreementSignedEvent;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.FundsCommittedEvent;
import org.strongcities.fund.domain.api.FundsDisbursedEvent;
import org.strongcities.fund.domain.api.FundsReleasedEvent;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReceiptRecordedEvent;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.RefundCreditedEvent;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.policy.ContributionLimits;
import org.strongcities.fund.domain.policy.EarmarkPolicy;
import org.strongcities.fund.domain.policy.FundingPolicy;
import org.strongcities.fund.domain.policy.ReceiptDating;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One contribution agreement with a donor, and its ledger in USD.
 *
 * <p>The ledger figures and why they are defined so:
 * <ul>
 * <li>received: money that arrived, converted to USD at receipt;</li>
 * <li>committed: what awards may still draw plus what they have drawn and kept. A refund lowers
 *     it, because refunded money is free to be awarded again; a release at close-out lowers it
 *     by what the award never drew;</li>
 * <li>disbursed: every dollar paid out (gross); refunded: every dollar paid back;</li>
 * <li>available = received − committed: what a new award may take.</li>
 * </ul>
 * Invariants: committed ≤ received (an award never spends money that has not arrived) and
 * disbursed − refunded ≤ committed (nothing is paid that was not committed).
 */
public class Contribution {

    @AggregateIdentifier
    private String contributionId;
    private String donorId;
    private Money pledged;
    private Money receivedInAgreementCurrency;
    private Earmark earmark;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private final Set<String> receiptIds = new HashSet<>();
    private Money received = Money.zero(Money.USD);
    private Money committed = Money.zero(Money.USD);
    private Money disbursed = Money.zero(Money.USD);
    private Money refunded = Money.zero(Money.USD);
    private final Map<String, AwardShare> sharesByAward = new HashMap<>();

    protected Contribution() {
        // for Axon
    }

    @CommandHandler
    public Contribution(SignContributionAgreementCommand command) {
        BusinessRuleViolation.requireText(command.contributionId(), "A contribution agreement needs an id");
        BusinessRuleViolation.requireText(command.donorId(), "A contribution agreement needs its donor");
        // The id is made by the form and only shown once the agreement is signed: a refusal names what was typed.
        String agreement = "The contribution agreement with donor " + command.donorId()
                + (command.pledged() == null ? "" : " for " + command.pledged());
        String amount = ContributionLimits.amountProblem(command.pledged());
        BusinessRuleViolation.require(amount == null, agreement + " " + amount);
        String period = ContributionLimits.periodProblem(command.periodStart(), command.periodEnd(), RecordedTime.today());
        BusinessRuleViolation.require(period == null, agreement + " " + period);
        BusinessRuleViolation.require(command.earmark() != null, agreement + " needs an earmark, or Earmark.unrestricted()");
        apply(new ContributionAgreementSignedEvent(command.contributionId(), command.donorId(), command.pledged(),
                command.periodStart(), command.periodEnd(), command.earmark(), command.actor()));
    }

    @CommandHandler
    void handle(RecordReceiptCommand command) {
        Money amount = command.received();
        BusinessRuleViolation.requireText(command.receiptId(), "A receipt on contribution " + contributionId + " needs an id");
        // The receipt's id is made by the form and never shown while it is typed: a refusal names the receipt by
        // its amount and value date, and the contribution by its id (the page's title) and donor.
        String receipt = describeReceipt(amount, command.valueDate());
        BusinessRuleViolation.require(!receiptIds.contains(command.receiptId()), receipt
                + " is already recorded (the form was sent twice); see the contribution's ledger");
        String amountProblem = ContributionLimits.amountProblem(amount);
        BusinessRuleViolation.require(amountProblem == null, describeReceipt(null, command.valueDate()) + " " + amountProblem);
        BusinessRuleViolation.require(command.valueDate() != null, receipt + " needs its value date");
        String dating = ReceiptDating.problem(command.valueDate(), RecordedTime.today(), periodStart, periodEnd);
        BusinessRuleViolation.require(dating == null, describeReceipt(amount, null) + " " + dating);
        BusinessRuleViolation.require(amount.currency().equals(pledged.currency()),
                receipt + " is in " + amount.currency() + " but the agreement is in " + pledged.currency());
        Money receivedAfter = receivedInAgreementCurrency.plus(amount);
        BusinessRuleViolation.require(!receivedAfter.isGreaterThan(pledged), receipt + " would bring the money received to "
                + receivedAfter + ", above the " + pledged + " pledged; amend the agreement first");
        Conversion toUsd = command.toUsd();
        if (amount.isUsd() && toUsd == null) {
            toUsd = Conversion.none(amount, command.valueDate());
        }
        BusinessRuleViolation.require(toUsd != null, receipt + " needs its conversion to USD with rate, rate source and value date");
        BusinessRuleViolation.require(toUsd.original().equals(amount) && toUsd.converted().isUsd(),
                receipt + ": the conversion must turn the " + amount + " received into USD, it converts "
                        + toUsd.original() + " into " + toUsd.converted().currency());
        apply(new ReceiptRecordedEvent(contributionId, command.receiptId(), amount, toUsd, command.valueDate(), command.actor()));
    }

    private String describeReceipt(Money amount, LocalDate valueDate) {
        return "The receipt" + (amount == null ? "" : " of " + amount) + (valueDate == null ? "" : " with value date " + valueDate)
                + " on contribution " + contributionId + " of donor " + donorId;
    }

    /**
     * Reserves money for an award; called by the handler that makes or enlarges the award. A refusal names
     * the amount and the contribution, not the award: while an award is being made, its id is not shown yet.
     */
    public void commitToAward(String awardId, Money usd, CaseProfile caseProfile, String actor) {
        BusinessRuleViolation.require(usd != null && usd.isUsd() && usd.isPositive(),
                "An award must commit an amount above zero in USD from contribution " + contributionId + ", was " + usd);
        BusinessRuleViolation.require(EarmarkPolicy.fits(earmark, caseProfile), "Contribution " + contributionId + " is "
                + earmark.describe() + " and cannot fund this award (" + describe(caseProfile) + ")");
        Money available = available();
        BusinessRuleViolation.require(FundingPolicy.mayCommit(available, usd), "Committing " + usd + " to the award "
                + "exceeds the " + available + " available in contribution " + contributionId + " (" + earmark.describe() + ")");
        apply(new FundsCommittedEvent(contributionId, awardId, usd, actor));
    }

    public void disburse(String awardId, String trancheId, Money usd, String paymentReference, String actor) {
        Money undrawn = share(awardId).undrawn();
        BusinessRuleViolation.require(!usd.isGreaterThan(undrawn), "Tranche " + trancheId + " of award " + awardId + " would pay "
                + usd + " from contribution " + contributionId + ", but only " + undrawn + " is committed and unpaid");
        apply(new FundsDisbursedEvent(contributionId, awardId, trancheId, usd, paymentReference, actor));
    }

    public void creditRefund(String awardId, String refundId, Money usd, String reason, String actor) {
        Money netPaid = share(awardId).netPaid();
        BusinessRuleViolation.require(!usd.isGreaterThan(netPaid), "The refund of " + usd + " from award " + awardId
                + " to contribution " + contributionId + " is more than the " + netPaid + " the award received from it");
        apply(new RefundCreditedEvent(contributionId, awardId, refundId, usd, reason, actor));
    }

    public void release(String awardId, Money usd, String reason, String actor) {
        Money undrawn = share(awardId).undrawn();
        BusinessRuleViolation.require(!usd.isGreaterThan(undrawn), "Cannot release " + usd + " of award " + awardId
                + " on contribution " + contributionId + ": only " + undrawn + " is committed and unpaid");
        apply(new FundsReleasedEvent(contributionId, awardId, usd, reason, actor));
    }

    public Money available() {
        return received.minus(committed);
    }

    public Money received() {
        return received;
    }

    public Money committed() {
        return committed;
    }

    public Money disbursed() {
        return disbursed;
    }

    public Money refunded() {
        return refunded;
    }

    private AwardShare share(String awardId) {
        return sharesByAward.getOrDefault(awardId, AwardShare.NONE);
    }

    private static String describe(CaseProfile caseProfile) {
        return "region " + (caseProfile.region() == null ? "none" : caseProfile.region().displayName())
                + ", priorities " + caseProfile.priorities() + ", support type " + caseProfile.supportType()
                + (caseProfile.purpose() == null ? "" : ", purpose " + caseProfile.purpose());
    }

    @EventSourcingHandler
    void on(ContributionAgreementSignedEvent event) {
        contributionId = event.contributionId();
        donorId = event.donorId();
        pledged = event.pledged();
        receivedInAgreementCurrency = Money.zero(pledged.currency());
        earmark = event.earmark();
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
    }

    @EventSourcingHandler
    void on(ReceiptRecordedEvent event) {
        receiptIds.add(event.receiptId());
        receivedInAgreementCurrency = receivedInAgreementCurrency.plus(event.received());
        received = received.plus(event.toUsd().converted());
    }

    @EventSourcingHandler
    void on(FundsCommittedEvent event) {
        committed = committed.plus(event.usd());
        sharesByAward.put(event.awardId(), share(event.awardId()).commit(event.usd()));
    }

    @EventSourcingHandler
    void on(FundsDisbursedEvent event) {
        disbursed = disbursed.plus(event.usd());
        sharesByAward.put(event.awardId(), share(event.awardId()).disburse(event.usd()));
    }

    @EventSourcingHandler
    void on(RefundCreditedEvent event) {
        refunded = refunded.plus(event.usd());
        committed = committed.minus(event.usd());
        sharesByAward.put(event.awardId(), share(event.awardId()).refund(event.usd()));
    }

    @EventSourcingHandler
    void on(FundsReleasedEvent event) {
        committed = committed.minus(event.usd());
        sharesByAward.put(event.awardId(), share(event.awardId()).release(event.usd()));
    }

    /** One award's part of this contribution, with the same meaning as the contribution's totals. */
    private record AwardShare(Money committed, Money disbursed, Money refunded) {

        static final AwardShare NONE = new AwardShare(Money.zero(Money.USD), Money.zero(Money.USD), Money.zero(Money.USD));

        Money netPaid() {
            return disbursed.minus(refunded);
        }

        /** What the award may still draw: a refund lowers committed and net paid alike, so it leaves this unchanged. */
        Money undrawn() {
            return committed.minus(netPaid());
        }

        AwardShare commit(Money usd) {
            return new AwardShare(committed.plus(usd), disbursed, refunded);
        }

        AwardShare release(Money usd) {
            return new AwardShare(committed.minus(usd), disbursed, refunded);
        }

        AwardShare disburse(Money usd) {
            return new AwardShare(committed, disbursed.plus(usd), refunded);
        }

        AwardShare refund(Money usd) {
            return new AwardShare(committed.minus(usd), disbursed, refunded.plus(usd));
        }
    }
}
