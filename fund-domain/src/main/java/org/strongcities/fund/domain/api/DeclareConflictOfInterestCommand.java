package org.strongcities.fund.domain.api;

/** Opens a review; the reviewer sees the application only after declaring no conflict. */
public record DeclareConflictOfInterestCommand(
        String reviewId,
        String applicationId,
        int applicationVersion,
        String reviewer,
        ReviewStage stage,
        boolean hasConflict,
        String statement) {
}
