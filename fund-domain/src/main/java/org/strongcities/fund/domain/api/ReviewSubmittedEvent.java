package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** internalComments are never shown to applicants or donors. */
@Revision("1")
public record ReviewSubmittedEvent(
        String reviewId,
        String applicationId,
        int applicationVersion,
        String reviewer,
        ReviewStage stage,
        List<CriterionScore> scores,
        Recommendation recommendation,
        String rationaleForApplicant,
        String internalComments) {
}
