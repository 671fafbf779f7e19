package org.strongcities.fund.domain.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConflictOfInterestDeclaredEvent(
        String reviewId,
        String applicationId,
        int applicationVersion,
        String reviewer,
        ReviewStage stage,
        boolean hasConflict,
        String statement) {
}
