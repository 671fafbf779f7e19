package org.strongcities.fund.domain.api;

public record CriterionScore(ReviewCriterion criterion, int score) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public CriterionScore {
        BusinessRuleViolation.require(criterion != null, "A score needs its criterion");
        BusinessRuleViolation.require(score >= LOWEST && score <= HIGHEST,
                "Score for " + criterion.displayName() + " must be from " + LOWEST + " to " + HIGHEST + ", was " + score);
    }
}
