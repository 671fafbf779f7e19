package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.ReviewScoreCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Combines reviewers' scores. A recused reviewer's score never counts. */
public final class ReviewScoring {

    private ReviewScoring() {
    }

    public static List<ReviewScoreCard> counted(List<ReviewScoreCard> cards) {
        return cards.stream().filter(card -> !card.recused() && !card.scores().isEmpty()).toList();
    }

    /** The mean of the counted reviewers' total scores, two decimals; null when no score counts. */
    public static BigDecimal averageTotal(List<ReviewScoreCard> cards) {
        List<ReviewScoreCard> counted = counted(cards);
        if (counted.isEmpty()) {
            return null;
        }
        int sum = counted.stream().mapToInt(ReviewScoring::total).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_EVEN);
    }

    public static int total(ReviewScoreCard card) {
        return card.scores().stream().mapToInt(CriterionScore::score).sum();
    }
}
