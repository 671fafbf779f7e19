package org.strongcities.fund.domain.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import org.strongcities.fund.domain.api.AddFocalPointCommand;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.EndMembershipCommand;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.FocalPointAddedEvent;
import org.strongcities.fund.domain.api.LiftReportHoldCommand;
import org.strongcities.fund.domain.api.MemberCityRegisteredEvent;
import org.strongcities.fund.domain.api.MembershipEndedEvent;
import org.strongcities.fund.domain.api.MembershipReinstatedEvent;
import org.strongcities.fund.domain.api.MembershipStatus;
import org.strongcities.fund.domain.api.MembershipSuspendedEvent;
import org.strongcities.fund.domain.api.PlaceReportHoldCommand;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.ReinstateMembershipCommand;
import org.strongcities.fund.domain.api.ReportHoldLiftedEvent;
import org.strongcities.fund.domain.api.ReportHoldPlacedEvent;
import org.strongcities.fund.domain.api.SuspendMembershipCommand;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A local government that is a member of the Network. Only an active member can apply for
 * support, and no tranche is paid to a city while one of its reports is overdue.
 */
public class MemberCity {

    @AggregateIdentifier
    private String cityId;
    private String name;
    private MembershipStatus status;
    private final Set<String> focalPointAccounts = new HashSet<>();
    /** Overdue reports holding the city's payments. Report ids (r1, r2...) repeat across awards: the award is part of the key. */
    private final Set<HeldReport> reportHolds = new LinkedHashSet<>();

    private record HeldReport(String awardId, String reportId) {
        @Override
        public String toString() {
            return reportId + " of award " + awardId;
        }
    }

    protected MemberCity() {
        // for Axon
    }

    @CommandHandler
    public MemberCity(RegisterMemberCityCommand command) {
        BusinessRuleViolation.requireText(command.cityId(), "A member city needs an id");
        BusinessRuleViolation.requireText(command.name(), "City " + command.cityId() + " needs a name");
        String city = "City '" + command.name() + "' (" + command.cityId() + ")";
        BusinessRuleViolation.require(command.committedToGuidingPrinciples(),
                city + " cannot join: membership requires committing to the Guiding Principles");
        BusinessRuleViolation.require(!command.onContestedTerritory(),
                city + " cannot join: a local government on territory contested under international law cannot be a member");
        CountryCodes.requireValid(command.countryCode(), city);
        BusinessRuleViolation.require(command.region() != null, city + " needs a region");
        BusinessRuleViolation.requireText(command.hubId(), city + " needs the Regional Hub of its region");
        BusinessRuleViolation.require(command.populationBand() != null, city + " needs a population band");
        BusinessRuleViolation.require(command.focalPoints() != null && !command.focalPoints().isEmpty(),
                city + " must nominate at least one focal point");
        apply(new MemberCityRegisteredEvent(command.cityId(), command.name(), command.countryCode(), command.region(),
                command.hubId(), command.populationBand(), List.copyOf(command.focalPoints()), command.actor()));
    }

    @CommandHandler
    void handle(AddFocalPointCommand command) {
        BusinessRuleViolation.require(command.focalPoint() != null, "Name the focal point to add to " + describe());
        BusinessRuleViolation.require(!focalPointAccounts.contains(command.focalPoint().accountName()),
                command.focalPoint().accountName() + " is already a focal point of " + describe());
        apply(new FocalPointAddedEvent(cityId, command.focalPoint(), command.actor()));
    }

    @CommandHandler
    void handle(SuspendMembershipCommand command) {
        requireReason(command.reason(), "suspend");
        BusinessRuleViolation.require(status == MembershipStatus.ACTIVE,
                "Cannot suspend " + describe() + ": the membership is " + status.name().toLowerCase(Locale.ROOT));
        apply(new MembershipSuspendedEvent(cityId, command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(ReinstateMembershipCommand command) {
        requireReason(command.reason(), "reinstate");
        BusinessRuleViolation.require(status == MembershipStatus.SUSPENDED,
                "Cannot reinstate " + describe() + ": only a suspended membership can be reinstated, this one is "
                        + status.name().toLowerCase(Locale.ROOT));
        apply(new MembershipReinstatedEvent(cityId, command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(EndMembershipCommand command) {
        requireReason(command.reason(), "end");
        BusinessRuleViolation.require(status != MembershipStatus.ENDED, "The membership of " + describe() + " has already ended");
        apply(new MembershipEndedEvent(cityId, command.reason(), command.actor()));
    }

    @CommandHandler
    void handle(PlaceReportHoldCommand command) {
        placeReportHold(command.awardId(), command.reportId(), command.actor());
    }

    @CommandHandler
    void handle(LiftReportHoldCommand command) {
        liftReportHold(command.awardId(), command.reportId(), command.actor());
    }

    /** Idempotent, because the hold is placed by automation that may deliver the same fact twice. */
    public void placeReportHold(String awardId, String reportId, String actor) {
        if (!reportHolds.contains(new HeldReport(awardId, reportId))) {
            apply(new ReportHoldPlacedEvent(cityId, awardId, reportId, actor));
        }
    }

    /** Idempotent: lifting a hold that is not there changes nothing. */
    public void liftReportHold(String awardId, String reportId, String actor) {
        if (reportHolds.contains(new HeldReport(awardId, reportId))) {
            apply(new ReportHoldLiftedEvent(cityId, awardId, reportId, actor));
        }
    }

    /** Only an active member applies for support, through one of its focal points. */
    public void requireMayApply(String actor, String applicationId) {
        BusinessRuleViolation.require(isActive(), "Application " + applicationId + ": " + describe()
                + " is not an active member (membership " + status.name().toLowerCase(Locale.ROOT) + "), so it cannot apply for support");
        BusinessRuleViolation.require(focalPointAccounts.contains(actor), "Application " + applicationId + ": " + actor
                + " is not a focal point of " + describe() + "; only the city's focal points apply for it");
    }

    /** The report hold: while a report of the city is overdue, none of its tranches moves towards payment. */
    public void requireNoOverdueReports(String whatIsBlocked) {
        BusinessRuleViolation.require(!hasOverdueReports(), "Cannot " + whatIsBlocked + ": " + describe()
                + " has overdue reports " + reportHolds + "; no tranche is requested, approved or paid until they are accepted");
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }

    public boolean hasOverdueReports() {
        return !reportHolds.isEmpty();
    }

    private void requireReason(String reason, String action) {
        BusinessRuleViolation.requireText(reason, "Give a reason to " + action + " the membership of " + describe());
    }

    private String describe() {
        return name + " (" + cityId + ")";
    }

    @EventSourcingHandler
    void on(MemberCityRegisteredEvent event) {
        cityId = event.cityId();
        name = event.name();
        status = MembershipStatus.ACTIVE;
        event.focalPoints().forEach(focalPoint -> focalPointAccounts.add(focalPoint.accountName()));
    }

    @EventSourcingHandler
    void on(FocalPointAddedEvent event) {
        focalPointAccounts.add(event.focalPoint().accountName());
    }

    @EventSourcingHandler
    void on(MembershipSuspendedEvent event) {
        status = MembershipStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MembershipReinstatedEvent event) {
        status = MembershipStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MembershipEndedEvent event) {
        status = MembershipStatus.ENDED;
    }

    @EventSourcingHandler
    void on(ReportHoldPlacedEvent event) {
        reportHolds.add(new HeldReport(event.awardId(), event.reportId()));
    }

    @EventSourcingHandler
    void on(ReportHoldLiftedEvent event) {
        reportHolds.remove(new HeldReport(event.awardId(), event.reportId()));
    }
}
