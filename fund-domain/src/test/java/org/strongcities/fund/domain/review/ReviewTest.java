package org.strongcities.fund.domain.review;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ConflictOfInterestDeclaredEvent;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DeclareConflictOfInterestCommand;
import org.strongcities.fund.domain.api.EditReviewCommand;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewEditedEvent;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.ReviewSubmittedEvent;
import org.strongcities.fund.domain.api.ReviewerRecusedEvent;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import java.util.Arrays;
import java.util.List;

class ReviewTest {

    static final List<CriterionScore> SCORES = Arrays.stream(ReviewCriterion.values()).map(c -> new CriterionScore(c, 4)).toList();
    static final ConflictOfInterestDeclaredEvent NO_CONFLICT = new ConflictOfInterestDeclaredEvent("rev-1", "app-1", 1, "hana",
            ReviewStage.HUB, false, null);
    static final ReviewSubmittedEvent SUBMITTED = new ReviewSubmittedEvent("rev-1", "app-1", 1, "hana", ReviewStage.HUB, SCORES,
            Recommendation.FUND_IN_FULL, "Strong plan", "Mayor is keen");

    private AggregateTestFixture<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    @Test
    void aDeclaredConflictRecusesTheReviewer() {
        fixture.givenNoPriorActivity()
                .when(new DeclareConflictOfInterestCommand("rev-1", "app-1", 1, "hana", ReviewStage.HUB, true, "My brother runs it"))
                .expectEvents(new ConflictOfInterestDeclaredEvent("rev-1", "app-1", 1, "hana", ReviewStage.HUB, true, "My brother runs it"),
                        new ReviewerRecusedEvent("rev-1", "app-1", 1, "hana", ReviewStage.HUB, "My brother runs it"));
    }

    @Test
    void aRecusedReviewerCannotReview() {
        fixture.given(new ConflictOfInterestDeclaredEvent("rev-1", "app-1", 1, "hana", ReviewStage.HUB, true, "conflict"),
                        new ReviewerRecusedEvent("rev-1", "app-1", 1, "hana", ReviewStage.HUB, "conflict"))
                .when(new SubmitReviewCommand("rev-1", SCORES, Recommendation.DECLINE, "No", null, "hana"))
                .expectNoEvents()
                .expectExceptionMessage("hana declared a conflict of interest with application app-1 and is recused: review rev-1 cannot be written");
    }

    @Test
    void aReviewScoresEveryCriterion() {
        fixture.given(NO_CONFLICT)
                .when(new SubmitReviewCommand("rev-1", SCORES.subList(0, 4), Recommendation.FUND_IN_FULL, "Strong plan", null, "hana"))
                .expectExceptionMessage("Review rev-1 needs a score from 1 to 5 for: Sustainability and hub coordination, Do no harm");
        fixture.given(NO_CONFLICT)
                .when(new SubmitReviewCommand("rev-1", SCORES, Recommendation.FUND_IN_FULL, "Strong plan", "Mayor is keen", "hana"))
                .expectEvents(SUBMITTED);
    }

    @Test
    void editingAddsAnEventAndKeepsTheEarlierText() {
        fixture.given(NO_CONFLICT, SUBMITTED)
                .when(new EditReviewCommand("rev-1", SCORES, Recommendation.FUND_PARTIALLY, "Trim travel", "", "read the budget again", "hana"))
                .expectEvents(new ReviewEditedEvent("rev-1", "app-1", 1, SCORES, Recommendation.FUND_PARTIALLY, "Trim travel", "",
                        "read the budget again", "hana"));
    }

    @Test
    void onlyTheDeclaredReviewerWritesTheReview() {
        fixture.given(NO_CONFLICT)
                .when(new SubmitReviewCommand("rev-1", SCORES, Recommendation.FUND_IN_FULL, "Strong plan", null, "ivan"))
                .expectExceptionMessage("Review rev-1 belongs to hana; ivan cannot write it");
    }
}
