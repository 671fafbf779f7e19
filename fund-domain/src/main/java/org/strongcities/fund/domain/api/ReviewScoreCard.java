package org.strongcities.fund.domain.api;

import java.util.List;

/** One reviewer's scores as a read model holds them, the input of policy.ReviewScoring. */
public record ReviewScoreCard(String reviewId, String reviewer, boolean recused, List<CriterionScore> scores) {

    public ReviewScoreCard {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
