package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The earlier text stays in the earlier events. */
@Revision("1")
public record ReviewEditedEvent(
        String reviewId,
        String applicationId,
        int revision,
        List<CriterionScore> scores,
        Recommendation recommendation,
        String rationaleForApplicant,
        String internalComments,
        String reasonForEdit,
        String reviewer) {
}
