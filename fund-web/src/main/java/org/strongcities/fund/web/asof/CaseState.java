package org.strongcities.fund.web.asof;

import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
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
import org.strongcities.fund.domain.api.AwardClosedEvent;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.AwardRecordedOnApplicationEvent;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConfirmationWithheldEvent;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.HubReviewStartedEvent;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RefundRecordedEvent;
import org.strongcities.fund.domain.api.RevisionRequestedEvent;
import org.strongcities.fund.domain.api.TranchePaidEvent;
import org.strongcities.fund.web.cases.CaseViews;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case (the application and, once made, its award) as it stood after some of its events. Built by
 * folding events with {@link #apply}; holds no reviewer comments or internal notes.
 *
 * @param awardStatus null while there is no award
 */
public record CaseState(
        String applicationId,
        boolean exists,
        String cityId,
        String title,
        boolean sensitive,
        ApplicationStatus status,
        int version,
        Money requested,
        boolean decisionAwaitingConfirmation,
        Money approved,
        String conditions,
        String awardId,
        String awardStatus,
        Money awardAmount,
        LocalDate awardEndDate,
        Money paid,
        Money refunded,
        int eventsApplied,
        Instant lastEventAt) {

    public static CaseState none(String applicationId) {
        return new CaseState(applicationId, false, null, null, false, null, 0, null, false, null, null, null, null, null, null,
                Money.zero(Money.USD), Money.zero(Money.USD), 0, null);
    }

    public boolean hasAward() {
        return awardStatus != null;
    }

    /** The key of the status in words (status.* in messages-cases), as every other page reads it. */
    public String shownStatus() {
        return CaseViews.shownStatus(status.name(), requested == null ? null : requested.amount(),
                requested == null ? null : requested.currency(), approved == null ? null : approved.amount(),
                approved == null ? null : approved.currency(), conditions, awardId);
    }

    /** The state after one more event; events this view does not show only count. */
    public CaseState apply(Object event, Instant at) {
        Builder next = new Builder(this);
        next.eventsApplied = eventsApplied + 1;
        next.lastEventAt = at;
        if (event instanceof ApplicationDraftCreatedEvent e) {
            next.exists = true;
            next.cityId = e.cityId();
            next.status = ApplicationStatus.DRAFT;
        } else if (event instanceof ApplicationDraftSavedEvent e) {
            next.content(e.content());
        } else if (event instanceof ApplicationSubmittedEvent e) {
            next.submitted(e.version(), e.content());
        } else if (event instanceof ApplicationResubmittedEvent e) {
            next.submitted(e.version(), e.content());
        } else if (event instanceof ApplicationEligibilityRecordedEvent e) {
            if (!e.eligible()) {
                next.status = ApplicationStatus.INELIGIBLE;
            }
        } else if (event instanceof HubReviewStartedEvent) {
            next.status = ApplicationStatus.UNDER_HUB_REVIEW;
        } else if (event instanceof CentralReviewStartedEvent) {
            next.status = ApplicationStatus.UNDER_CENTRAL_REVIEW;
        } else if (event instanceof RevisionRequestedEvent) {
            next.status = ApplicationStatus.REVISION_REQUESTED;
        } else if (event instanceof ApplicationDecidedEvent e) {
            // A second approver's confirmation does not repeat the conditions.
            next.conditions = e.conditions();
            if (e.awaitingConfirmation()) {
                next.awaiting = true;
            } else {
                next.decided(e.decisionType(), e.approvedAmount());
            }
        } else if (event instanceof DecisionConfirmedEvent e) {
            next.decided(e.decisionType(), e.approvedAmount());
        } else if (event instanceof ConfirmationWithheldEvent) {
            next.status = ApplicationStatus.UNDER_CENTRAL_REVIEW;
            next.awaiting = false;
        } else if (event instanceof DecisionReopenedEvent e) {
            next.status = e.reopenedStatus();
            next.approved = null;
            next.conditions = null;
            next.awaiting = false;
        } else if (event instanceof ApplicationWithdrawnEvent) {
            next.status = ApplicationStatus.WITHDRAWN;
        } else if (event instanceof ApplicationLapsedEvent) {
            next.status = ApplicationStatus.LAPSED;
        } else if (event instanceof AwardRecordedOnApplicationEvent e) {
            next.awardId = e.awardId();
        } else if (event instanceof AwardMadeEvent e) {
            next.awardId = e.awardId();
            next.awardStatus = "ACTIVE";
            next.awardAmount = e.amount();
            next.awardEndDate = e.endDate();
        } else if (event instanceof AmendmentApprovedEvent e) {
            if (e.terms().additionalAmount() != null && next.awardAmount != null) {
                next.awardAmount = next.awardAmount.plus(e.terms().additionalAmount());
            }
            if (e.terms().newEndDate() != null) {
                next.awardEndDate = e.terms().newEndDate();
            }
        } else if (event instanceof TranchePaidEvent e) {
            next.paid = next.paid.plus(e.amount());
        } else if (event instanceof RefundRecordedEvent e) {
            next.refunded = next.refunded.plus(e.usd());
        } else if (event instanceof AwardClosedEvent) {
            next.awardStatus = "CLOSED";
        }
        // Reviews, reports and tranche requests only count: they are not part of this summary.
        return next.build();
    }

    private static final class Builder {
        String applicationId;
        boolean exists;
        String cityId;
        String title;
        boolean sensitive;
        ApplicationStatus status;
        int version;
        Money requested;
        boolean awaiting;
        Money approved;
        String conditions;
        String awardId;
        String awardStatus;
        Money awardAmount;
        LocalDate awardEndDate;
        Money paid;
        Money refunded;
        int eventsApplied;
        Instant lastEventAt;

        Builder(CaseState s) {
            applicationId = s.applicationId;
            exists = s.exists;
            cityId = s.cityId;
            title = s.title;
            sensitive = s.sensitive;
            status = s.status;
            version = s.version;
            requested = s.requested;
            awaiting = s.decisionAwaitingConfirmation;
            approved = s.approved;
            conditions = s.conditions;
            awardId = s.awardId;
            awardStatus = s.awardStatus;
            awardAmount = s.awardAmount;
            awardEndDate = s.awardEndDate;
            paid = s.paid;
            refunded = s.refunded;
            eventsApplied = s.eventsApplied;
            lastEventAt = s.lastEventAt;
        }

        void content(ApplicationContent content) {
            if (content != null) {
                title = content.title();
                sensitive = content.sensitive();
                requested = content.requestedAmount();
            }
        }

        void submitted(int newVersion, ApplicationContent content) {
            content(content);
            version = newVersion;
            status = ApplicationStatus.SUBMITTED;
        }

        void decided(DecisionType type, Money amount) {
            awaiting = false;
            approved = amount;
            status = type.decidedStatus();
        }

        CaseState build() {
            return new CaseState(applicationId, exists, cityId, title, sensitive, status, version, requested, awaiting,
                    approved, conditions, awardId, awardStatus, awardAmount, awardEndDate, paid, refunded, eventsApplied, lastEventAt);
        }
    }
}
