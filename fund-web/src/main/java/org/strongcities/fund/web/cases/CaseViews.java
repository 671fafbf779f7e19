package org.strongcities.fund.web.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the case screens show, read from the read models. */
public final class CaseViews {

    private CaseViews() {
    }

    public record CaseSummary(String applicationId, String cityId, String cityName, String region, String hubId,
                              String title, String status, int version, BigDecimal requestedAmount,
                              String requestedCurrency, boolean sensitive, String decisionType,
                              BigDecimal approvedAmount, String approvedCurrency, String conditions,
                              String rationaleForApplicant, String decidedBy, String awardId, OffsetDateTime updatedAt) {

        public boolean editable() {
            return "DRAFT".equals(status) || "REVISION_REQUESTED".equals(status);
        }

        public boolean withdrawable() {
            return switch (status) {
                case "DRAFT", "SUBMITTED", "UNDER_HUB_REVIEW", "REVISION_REQUESTED", "UNDER_CENTRAL_REVIEW" -> true;
                default -> false;
            };
        }

        /** The key of the status as a person should read it: see {@link CaseViews#shownStatus}. */
        public String shownStatus() {
            return CaseViews.shownStatus(status, requestedAmount, requestedCurrency, approvedAmount, approvedCurrency,
                    conditions, awardId);
        }

        public boolean decided() {
            return switch (status) {
                case "AWARDED", "PARTIALLY_AWARDED", "DECLINED" -> true;
                default -> false;
            };
        }
    }

    /**
     * The key of a case's status as a person should read it (status.* in messages-cases). Every page and
     * message that names a case's status asks here. The stored statuses AWARDED and PARTIALLY_AWARDED are
     * set when the Central Team approves, but the money is awarded only when finance makes the award
     * (which records its id on the application): until then the case reads as approved (APPROVED,
     * APPROVED_IN_PART, APPROVED_WITH_CONDITIONS), and as awarded only once awardId is there.
     */
    public static String shownStatus(String status, BigDecimal requestedAmount, String requestedCurrency,
                                     BigDecimal approvedAmount, String approvedCurrency, String conditions,
                                     String awardId) {
        String decided = shownStatus(status, requestedAmount, requestedCurrency, approvedAmount, approvedCurrency,
                conditions);
        if (awardId != null) {
            return decided;
        }
        return switch (decided) {
            case "AWARDED" -> "APPROVED";
            case "PARTIALLY_AWARDED" -> "APPROVED_IN_PART";
            case "AWARDED_WITH_CONDITIONS" -> "APPROVED_WITH_CONDITIONS";
            default -> decided;
        };
    }

    /**
     * The key of a decided case's status with the award taken as made. A partial approval whose amount
     * equals the request (the domain allows one when it carries conditions) reads as awarded in full: the
     * stored status stays as decided, only the words follow the amounts. Pages ask the method above, which
     * also knows whether the award is made.
     */
    public static String shownStatus(String status, BigDecimal requestedAmount, String requestedCurrency,
                                     BigDecimal approvedAmount, String approvedCurrency, String conditions) {
        boolean approvedInFull = approvedAmount != null && requestedAmount != null && approvedCurrency != null
                && approvedCurrency.equals(requestedCurrency) && approvedAmount.compareTo(requestedAmount) == 0;
        if ("PARTIALLY_AWARDED".equals(status) && approvedInFull) {
            return conditions == null || conditions.isBlank() ? "AWARDED" : "AWARDED_WITH_CONDITIONS";
        }
        return status;
    }

    /** One step of a case; {@code actor} is who took it (shown on staff pages only). */
    public record TimelineEntry(OffsetDateTime occurredAt, String statusWord, String detail, String actor) {
    }

    public record VersionEntry(int version, OffsetDateTime submittedAt, String submittedBy, String responseToReviewers,
                               String content) {
    }

    public record TrancheView(String trancheId, BigDecimal amountUsd, LocalDate plannedDate, String requiresReportId,
                              String status, String paymentReference, LocalDate valueDate) {
    }

    public record ReportView(String reportId, String kind, LocalDate dueDate, String status, String decisionReason) {

        public boolean submittable() {
            return "DUE".equals(status) || "OVERDUE".equals(status) || "REJECTED".equals(status);
        }
    }

    public record AwardView(String awardId, BigDecimal amountUsd, BigDecimal paidUsd, BigDecimal refundedUsd,
                            String status, String conditions, LocalDate endDate) {
    }

    public record ReviewView(String reviewId, int applicationVersion, String reviewer, String stage, boolean recused,
                             Integer totalScore, String recommendation, String rationaleForApplicant,
                             String internalComments, int revision, String scores) {
    }
}
