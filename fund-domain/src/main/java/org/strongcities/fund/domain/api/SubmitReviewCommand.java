package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        List<CriterionScore> scores,
        Recommendation recommendation,
        String rationaleForApplicant,
        String internalComments,
        String actor) {
}
