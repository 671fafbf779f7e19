package org.strongcities.fund.domain.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationDecidedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftCreatedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationEligibilityRecordedEvent;
import org.strongcities.fund.domain.api.ApplicationLapsedEvent;
import org.strongcities.fund.domain.api.ApplicationResubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.AwardRecordedOnApplicationEvent;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.ConfirmationWithheldEvent;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.HubReviewStartedEvent;
import org.strongcities.fund.domain.api.LapseApplicationCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.ReopenDecisionCommand;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.ResubmitApplicationCommand;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.RevisionRequestedEvent;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;
import org.strongcities.fund.domain.api.WithholdConfirmationCommand;
import org.strongcities.fund.domain.policy.ApplicationCompleteness;
import org.strongcities.fund.domain.policy.DecisionPolicy;
import org.strongcities.fund.domain.policy.FourEyesPolicy;
import org.strongcities.fund.domain.policy.TextLimits;
import static org.strongcities.fund.domain.api.ApplicationStatus.AWARDED;
import static org.strongcities.fund.domain.api.ApplicationStatus.DECLINED;
import static org.strongcities.fund.domain.api.ApplicationStatus.DRAFT;
import static org.strongcities.fund.domain.api.ApplicationStatus.PARTIALLY_AWARDED;
import static org.strongcities.fund.domain.api.ApplicationStatus.REVISION_REQUESTED;
import static org.strongcities.fund.domain.api.ApplicationStatus.SUBMITTED;
import static org.strongcities.fund.domain.api.ApplicationStatus.UNDER_CENTRAL_REVIEW;
import static org.strongcities.fund.domain.api.ApplicationStatus.UNDER_HUB_REVIEW;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A member city's request for support, from draft through reviews to a decision. Every
 * submitted version stays in its own event; a decision is changed only by reopening it.
 * Creation and (re)submission go through {@link ApplicationIntake}, which checks membership.
 */
public class Application {

    private static final Set<ApplicationStatus> DECIDED = EnumSet.of(AWARDED, PARTIALLY_AWARDED, DECLINED);

    @AggregateIdentifier
    private String applicationId;
    private String cityId;
    private ApplicationStatus status;
    private ApplicationContent draft;
    private ApplicationContent submitted;
    private int version;
    private boolean eligible;
    /** Everyone who wrote or submitted the application: none of them may decide on it or pay it out. */
    private final Set<String> applicants = new LinkedHashSet<>();
    private PendingDecision pendingDecision;
    private Money approvedAmount;
    private List<String> decidedBy = List.of();
    private String awardId;

    protected Application() {
        // for Axon
    }

    Application(CreateApplicationDraftCommand command) {
        BusinessRuleViolation.requireText(command.applicationId(), "An application needs an id");
        BusinessRuleViolation.requireText(command.actor(), "Application " + command.applicationId() + " needs the account that drafts it");
        apply(new ApplicationDraftCreatedEvent(command.applicationId(), command.cityId(), command.actor()));
    }

    @CommandHandler
    void handle(SaveApplicationDraftCommand command) {
        requireStatus("save a draft of", DRAFT, REVISION_REQUESTED);
        requireTextsFit(command.content());
        apply(new ApplicationDraftSavedEvent(applicationId, command.content(), command.actor()));
    }

    void submit(SubmitApplicationCommand command) {
        requireStatus("submit", DRAFT);
        ApplicationContent content = command.content() == null ? draft : command.content();
        requireComplete(content);
        apply(new ApplicationSubmittedEvent(applicationId, cityId, version + 1, content, command.actor()));
    }

    void resubmit(ResubmitApplicationCommand command) {
        requireStatus("resubmit", REVISION_REQUESTED);
        BusinessRuleViolation.requireText(command.responseToReviewers(),
                "Resubmitting application " + applicationId + " needs a response to the reviewers' questions");
        Optional<String> longResponse = TextLimits.tooLong("the response to the reviewers", command.responseToReviewers(),
                TextLimits.LONG_TEXT);
        BusinessRuleViolation.require(longResponse.isEmpty(), "Application " + applicationId + ": " + longResponse.orElse(""));
        ApplicationContent content = command.content() == null ? draft : command.content();
        requireComplete(content);
        apply(new ApplicationResubmittedEvent(applicationId, cityId, version + 1, content,
                command.responseToReviewers(), command.actor()));
    }

    @CommandHandler
    void handle(RecordEligibilityCommand command) {
        requireStatus("record the eligibility of", SUBMITTED);
        if (!command.eligible()) {
            BusinessRuleViolation.requireText(command.reason(), "Say why application " + applicationId + " is not eligible");
        }
        apply(new ApplicationEligibilityRecordedEvent(applicationId, version, command.eligible(), command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(StartHubReviewCommand command) {
        requireStatus("start the hub review of", SUBMITTED);
        requireEligible("the hub review");
        apply(new HubReviewStartedEvent(applicationId, version, command.actor()));
    }

    /** From the hub review, or straight from a resubmission the Central Team asked for. */
    @CommandHandler
    void handle(StartCentralReviewCommand command) {
        requireStatus("start the central review of", UNDER_HUB_REVIEW, SUBMITTED);
        requireEligible("the central review");
        apply(new CentralReviewStartedEvent(applicationId, version, command.actor()));
    }

    @CommandHandler
    void handle(RequestRevisionCommand command) {
        requireStatus("request a revision of", UNDER_HUB_REVIEW, UNDER_CENTRAL_REVIEW);
        requireNoPendingDecision("request a revision");
        BusinessRuleViolation.requireText(command.rationaleForApplicant(),
                "Tell the applicant what to revise in application " + applicationId);
        ReviewStage stage = status == UNDER_HUB_REVIEW ? ReviewStage.HUB : ReviewStage.CENTRAL;
        apply(new RevisionRequestedEvent(applicationId, version, stage, command.rationaleForApplicant(), command.actor()));
    }

    @CommandHandler
    void handle(LapseApplicationCommand command) {
        requireStatus("lapse", DRAFT, REVISION_REQUESTED);
        BusinessRuleViolation.requireText(command.reason(), "Say why application " + applicationId + " lapses");
        apply(new ApplicationLapsedEvent(applicationId, command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(WithdrawApplicationCommand command) {
        requireStatus("withdraw", DRAFT, SUBMITTED, UNDER_HUB_REVIEW, REVISION_REQUESTED, UNDER_CENTRAL_REVIEW);
        BusinessRuleViolation.requireText(command.reason(), "Say why application " + applicationId + " is withdrawn");
        apply(new ApplicationWithdrawnEvent(applicationId, command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(DecideApplicationCommand command) {
        requireStatus("decide on", UNDER_CENTRAL_REVIEW);
        requireNoPendingDecision("decide again");
        requireNotAnApplicant(command.actor(), "decider");
        BusinessRuleViolation.require(command.decisionType() != null,
                "Choose a decision on application " + applicationId + ": approve in full, approve partially or decline");
        Money requested = submitted.requestedAmount();
        Money approved = switch (command.decisionType()) {
            case APPROVE_IN_FULL -> approveInFull(command.approvedAmount(), requested);
            case APPROVE_PARTIALLY -> approvePartially(command, requested);
            case DECLINE -> {
                BusinessRuleViolation.requireText(command.rationaleForApplicant(),
                        "A decline of application " + applicationId + " needs a reason the applicant will read");
                yield null;
            }
        };
        boolean awaitingConfirmation = DecisionPolicy.needsSecondApprover(command.decisionType(), approved,
                command.secondApprovalRequired());
        apply(new ApplicationDecidedEvent(applicationId, version, command.decisionType(), approved, command.conditions(),
                command.rationaleForApplicant(), command.internalNote(), awaitingConfirmation, command.actor()));
    }

    @CommandHandler
    void handle(ConfirmDecisionCommand command) {
        requireSecondApprover(command.actor());
        apply(new DecisionConfirmedEvent(applicationId, version, pendingDecision.type(), pendingDecision.approvedAmount(),
                pendingDecision.decidedBy(), command.actor()));
    }

    /**
     * The second approver disagrees: the decision is dropped and the Central Team decides again, which needs a
     * second approval again when the policy says so. Like confirming, it needs eyes other than the decider's.
     */
    @CommandHandler
    void handle(WithholdConfirmationCommand command) {
        requireSecondApprover(command.actor());
        BusinessRuleViolation.requireText(command.reason(),
                "Say why the decision on application " + applicationId + " is not confirmed");
        apply(new ConfirmationWithheldEvent(applicationId, version, pendingDecision.type(), pendingDecision.approvedAmount(),
                pendingDecision.decidedBy(), command.reason(), command.actor()));
    }

    /** Confirming or withholding: a decision awaits confirmation, and the second approver is someone else (four eyes). */
    private void requireSecondApprover(String actor) {
        BusinessRuleViolation.require(pendingDecision != null, "Application " + applicationId + " has no decision awaiting confirmation");
        FourEyesPolicy.requireDistinct(pendingDecision.decidedBy(), "decider", actor, "second approver",
                "application " + applicationId);
        requireNotAnApplicant(actor, "second approver");
    }

    @CommandHandler
    void handle(ReopenDecisionCommand command) {
        BusinessRuleViolation.require(DECIDED.contains(status),
                "Cannot reopen application " + applicationId + ": it is " + describe(status) + ", not decided");
        BusinessRuleViolation.require(awardId == null, "Cannot reopen application " + applicationId + ": award " + awardId
                + " has been made; amend or close the award instead");
        BusinessRuleViolation.requireText(command.reason(), "Say why the decision on application " + applicationId + " is reopened");
        // Reopening undoes a decision, so like confirming one it needs eyes other than those that took it:
        // the decider's and, for a confirmed decision, the second approver's.
        for (int i = 0; i < decidedBy.size(); i++) {
            FourEyesPolicy.requireDistinct(decidedBy.get(i), i == 0 ? "decider" : "second approver", command.actor(),
                    "person who reopens its decision", "application " + applicationId);
        }
        apply(new DecisionReopenedEvent(applicationId, version, UNDER_CENTRAL_REVIEW, command.reason(), command.actor()));
    }

    /** Called when the award is made: an approved application is awarded once, within the approved amount. */
    public void recordAward(String newAwardId, String awardCityId, Money amount, String actor) {
        // The new award's id is not yet known to the person making it: refusals name the application instead.
        BusinessRuleViolation.require(status == AWARDED || status == PARTIALLY_AWARDED, "Cannot make an award for application "
                + applicationId + ": it is " + describe(status) + ", not approved");
        BusinessRuleViolation.require(awardId == null, "Application " + applicationId + " already has award " + awardId);
        BusinessRuleViolation.require(cityId.equals(awardCityId), "The award for application " + applicationId
                + " names city " + awardCityId + ", but the application is from city " + cityId);
        if (approvedAmount.isUsd()) {
            BusinessRuleViolation.require(!amount.isGreaterThan(approvedAmount), "An award of " + amount + " exceeds the "
                    + approvedAmount + " approved for application " + applicationId);
        }
        requireNotAnApplicant(actor, "person who makes the award");
        apply(new AwardRecordedOnApplicationEvent(applicationId, newAwardId, amount, actor));
    }

    public String cityId() {
        return cityId;
    }

    public List<String> applicants() {
        return List.copyOf(applicants);
    }

    public List<String> decidedBy() {
        return decidedBy;
    }

    public ApplicationStatus status() {
        return status;
    }

    private Money approveInFull(Money approvedAmount, Money requested) {
        BusinessRuleViolation.require(approvedAmount == null || approvedAmount.equals(requested),
                "Approving application " + applicationId + " in full means the requested " + requested
                        + "; to approve " + approvedAmount + " approve partially");
        return requested;
    }

    private Money approvePartially(DecideApplicationCommand command, Money requested) {
        Money approved = command.approvedAmount() == null ? requested : command.approvedAmount();
        String partial = "A partial approval of application " + applicationId;
        BusinessRuleViolation.require(approved.currency().equals(requested.currency()),
                partial + " must be in the requested currency " + requested.currency() + ", was " + approved);
        BusinessRuleViolation.require(approved.isPositive() && !approved.isGreaterThan(requested),
                partial + " must be above zero and at most the requested " + requested + ", was " + approved);
        boolean hasConditions = command.conditions() != null && !command.conditions().isBlank();
        BusinessRuleViolation.require(approved.isLessThan(requested) || hasConditions,
                partial + " needs an amount below the requested " + requested + " or conditions");
        return approved;
    }

    private void requireComplete(ApplicationContent content) {
        requireTextsFit(content);
        List<String> missing = ApplicationCompleteness.missingFields(content);
        BusinessRuleViolation.require(missing.isEmpty(), "Application " + applicationId + " of city " + cityId
                + " cannot be submitted yet. It needs: " + String.join("; ", missing));
    }

    /** A draft too may be incomplete, but never hold a text over its limit (TextLimits). */
    private void requireTextsFit(ApplicationContent content) {
        List<String> tooLong = TextLimits.problems(content).stream().map(ApplicationCompleteness.Problem::message).toList();
        BusinessRuleViolation.require(tooLong.isEmpty(), "Application " + applicationId + ": " + String.join("; ", tooLong));
    }

    private void requireStatus(String action, ApplicationStatus... allowed) {
        BusinessRuleViolation.require(Arrays.asList(allowed).contains(status), "Cannot " + action + " application "
                + applicationId + ": it is " + describe(status) + ", and this is possible only when it is "
                + Arrays.stream(allowed).map(this::describe).collect(Collectors.joining(" or ")));
    }

    private void requireEligible(String review) {
        BusinessRuleViolation.require(eligible, "Application " + applicationId + " needs an eligibility check before " + review);
    }

    private void requireNoPendingDecision(String action) {
        BusinessRuleViolation.require(pendingDecision == null, "Cannot " + action + " on application " + applicationId
                + ": the decision by " + (pendingDecision == null ? "" : pendingDecision.decidedBy())
                + " awaits confirmation by a second approver");
    }

    private void requireNotAnApplicant(String actor, String role) {
        for (String applicant : applicants) {
            FourEyesPolicy.requireDistinct(applicant, "applicant", actor, role, "application " + applicationId);
        }
    }

    /**
     * The status in words. AWARDED and PARTIALLY_AWARDED are stored when the Central Team approves, but
     * the money is awarded only once the award is recorded here: until then they read as approved.
     */
    private String describe(ApplicationStatus status) {
        if (awardId == null && status == AWARDED) {
            return "approved";
        }
        if (awardId == null && status == PARTIALLY_AWARDED) {
            return "approved in part";
        }
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @EventSourcingHandler
    void on(ApplicationDraftCreatedEvent event) {
        applicationId = event.applicationId();
        cityId = event.cityId();
        status = DRAFT;
        draft = ApplicationContent.empty();
        applicants.add(event.actor());
    }

    @EventSourcingHandler
    void on(ApplicationDraftSavedEvent event) {
        draft = event.content();
        applicants.add(event.actor());
    }

    @EventSourcingHandler
    void on(ApplicationSubmittedEvent event) {
        submitted(event.version(), event.content(), event.actor());
    }

    @EventSourcingHandler
    void on(ApplicationResubmittedEvent event) {
        submitted(event.version(), event.content(), event.actor());
    }

    private void submitted(int newVersion, ApplicationContent content, String actor) {
        version = newVersion;
        submitted = content;
        draft = content;
        status = SUBMITTED;
        applicants.add(actor);
    }

    @EventSourcingHandler
    void on(ApplicationEligibilityRecordedEvent event) {
        eligible = event.eligible();
        if (!event.eligible()) {
            status = ApplicationStatus.INELIGIBLE;
        }
    }

    @EventSourcingHandler
    void on(HubReviewStartedEvent event) {
        status = UNDER_HUB_REVIEW;
    }

    @EventSourcingHandler
    void on(CentralReviewStartedEvent event) {
        status = UNDER_CENTRAL_REVIEW;
    }

    @EventSourcingHandler
    void on(RevisionRequestedEvent event) {
        status = REVISION_REQUESTED;
    }

    @EventSourcingHandler
    void on(ApplicationLapsedEvent event) {
        status = ApplicationStatus.LAPSED;
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawnEvent event) {
        status = ApplicationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ApplicationDecidedEvent event) {
        if (event.awaitingConfirmation()) {
            pendingDecision = new PendingDecision(event.decisionType(), event.approvedAmount(), event.actor());
        } else {
            decided(event.decisionType(), event.approvedAmount(), List.of(event.actor()));
        }
    }

    @EventSourcingHandler
    void on(DecisionConfirmedEvent event) {
        pendingDecision = null;
        decided(event.decisionType(), event.approvedAmount(), List.of(event.decidedBy(), event.actor()));
    }

    /** The withheld decision never took effect: the application stays under central review, with no decision pending. */
    @EventSourcingHandler
    void on(ConfirmationWithheldEvent event) {
        pendingDecision = null;
        status = UNDER_CENTRAL_REVIEW;
    }

    private void decided(DecisionType decisionType, Money amount, List<String> deciders) {
        status = decisionType.decidedStatus();
        approvedAmount = amount;
        decidedBy = deciders;
    }

    @EventSourcingHandler
    void on(DecisionReopenedEvent event) {
        status = event.reopenedStatus();
        approvedAmount = null;
        decidedBy = List.of();
    }

    @EventSourcingHandler
    void on(AwardRecordedOnApplicationEvent event) {
        awardId = event.awardId();
    }

    private record PendingDecision(DecisionType type, Money approvedAmount, String decidedBy) {
    }
}
