package org.strongcities.fund.domain.policy;

import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewScoreCard;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

class PolicyTest {

    private static final CaseProfile WEST_AFRICAN_YOUTH_CASE = new CaseProfile(Region.WEST_AFRICA,
            Set.of(StrategicPriority.YOUTH_ENGAGEMENT), SupportType.COMMUNITY_YOUTH_ENGAGEMENT, null);

    @Test
    void earmarksFitOnlyMatchingCases() {
        assertThat(EarmarkPolicy.fits(Earmark.unrestricted(), WEST_AFRICAN_YOUTH_CASE)).isTrue();
        assertThat(EarmarkPolicy.fits(Earmark.region(Region.WEST_AFRICA), WEST_AFRICAN_YOUTH_CASE)).isTrue();
        assertThat(EarmarkPolicy.fits(Earmark.region(Region.EUROPE), WEST_AFRICAN_YOUTH_CASE)).isFalse();
        assertThat(EarmarkPolicy.fits(Earmark.priority(StrategicPriority.YOUTH_ENGAGEMENT), WEST_AFRICAN_YOUTH_CASE)).isTrue();
        assertThat(EarmarkPolicy.fits(Earmark.priority(StrategicPriority.MAYORS_VOICES), WEST_AFRICAN_YOUTH_CASE)).isFalse();
        assertThat(EarmarkPolicy.fits(Earmark.supportType(SupportType.LOCAL_INNOVATION_GRANT), WEST_AFRICAN_YOUTH_CASE)).isFalse();
        assertThat(EarmarkPolicy.fits(Earmark.purpose("launch of a new hub"), WEST_AFRICAN_YOUTH_CASE)).isFalse();
        assertThat(EarmarkPolicy.fits(Earmark.purpose("launch of a new hub"), new CaseProfile(Region.CENTRAL_ASIA, Set.of(),
                SupportType.TRAINING_CAPACITY_BUILDING, "Launch of a new hub"))).isTrue();
    }

    @Test
    void commitmentsNeverExceedTheAvailableBalance() {
        assertThat(FundingPolicy.mayCommit(Money.usd("25000"), Money.usd("25000"))).isTrue();
        assertThat(FundingPolicy.mayCommit(Money.usd("25000"), Money.usd("40000"))).isFalse();
        assertThat(FundingPolicy.mayCommit(Money.usd("25000"), Money.usd("0"))).isFalse();
    }

    @Test
    void drawsFromContributionsInOrder() {
        List<FundingAllocation> draws = FundingPolicy.drawInOrder(Money.usd("15000"), List.of(
                new FundingAllocation("c-1", Money.usd("10000")), new FundingAllocation("c-2", Money.usd("0")),
                new FundingAllocation("c-3", Money.usd("20000"))));
        assertThat(draws).containsExactly(new FundingAllocation("c-1", Money.usd("10000")),
                new FundingAllocation("c-3", Money.usd("5000")));
    }

    @Test
    void fourEyesMeansTwoDifferentAccounts() {
        assertThat(FourEyesPolicy.distinct("amina", "boris")).isTrue();
        assertThat(FourEyesPolicy.distinct("amina", " Amina ")).isFalse();
        assertThat(FourEyesPolicy.distinct(null, "amina")).isFalse();
    }

    @Test
    void approvalsAboveTheThresholdOrInAnotherCurrencyNeedASecondApprover() {
        assertThat(DecisionPolicy.needsSecondApprover(DecisionType.APPROVE_IN_FULL, Money.usd("25000"), false)).isFalse();
        assertThat(DecisionPolicy.needsSecondApprover(DecisionType.APPROVE_IN_FULL, Money.usd("25000.01"), true)).isTrue();
        assertThat(DecisionPolicy.needsSecondApprover(DecisionType.APPROVE_PARTIALLY, Money.of("100", "EUR"), false)).isTrue();
        assertThat(DecisionPolicy.needsSecondApprover(DecisionType.DECLINE, null, true)).isFalse();
    }

    @Test
    void anEmptyApplicationListsEverythingMissing() {
        assertThat(ApplicationCompleteness.missingFields(ApplicationContent.empty())).containsExactly(
                "a title", "a summary", "at least one strategic priority", "the type of support",
                "a requested amount above zero", "at least one budget line", "a timeline with start and end dates",
                "the objectives", "at least one indicator to report results against", "the risks", "the do-no-harm section");
    }

    @Test
    void budgetLinesMustAddUpToTheRequestInItsCurrencyAndTheTimelineMustEndAfterItStarts() {
        ApplicationContent content = new ApplicationContent("Youth council", "Summary", Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, Money.usd("10000"),
                List.of(new BudgetLine("Workshops", Money.usd("6000")), new BudgetLine("Travel", Money.usd("3000"))),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 1, 1), "Objectives", List.of(new Indicator("Youth reached", "0", "200")),
                "Risks", "Do no harm", false);
        assertThat(ApplicationCompleteness.missingFields(content)).containsExactly(
                "the budget lines add up to USD 9,000.00 but the requested amount is USD 10,000.00",
                "a timeline that ends after it starts (2025-06-01 to 2025-01-01)");
    }

    @Test
    void recusedReviewersNeverCount() {
        List<CriterionScore> allFives = java.util.Arrays.stream(ReviewCriterion.values()).map(c -> new CriterionScore(c, 5)).toList();
        List<CriterionScore> allThrees = java.util.Arrays.stream(ReviewCriterion.values()).map(c -> new CriterionScore(c, 3)).toList();
        List<ReviewScoreCard> cards = List.of(new ReviewScoreCard("r-1", "amina", false, allThrees),
                new ReviewScoreCard("r-2", "boris", true, allFives));
        assertThat(ReviewScoring.counted(cards)).extracting(ReviewScoreCard::reviewer).containsExactly("amina");
        assertThat(ReviewScoring.averageTotal(cards)).isEqualByComparingTo("18");
        assertThat(ReviewScoring.averageTotal(List.of(cards.get(1)))).isNull();
    }

    @Test
    void awardTermsMustAddUpAndGateLaterTranchesOnReports() {
        Money amount = Money.usd("40000");
        List<String> problems = AwardTerms.problems(amount, List.of(new BudgetLine("All", amount)),
                List.of(new TrancheSchedule("t-1", Money.usd("20000"), LocalDate.of(2025, 1, 1), null),
                        new TrancheSchedule("t-2", Money.usd("10000"), LocalDate.of(2025, 6, 1), null)),
                List.of(new ReportingObligation("r-1", ReportKind.PROGRESS, LocalDate.of(2025, 5, 1))),
                List.of(new FundingAllocation("c-1", Money.usd("40000"))));
        assertThat(problems).containsExactly(
                "the tranches add up to USD 30,000.00 but the total is USD 40,000.00",
                "tranche t-2 comes after the first tranche and must name the report to be accepted before it is paid",
                "a final report among the reporting obligations");
    }

    @Test
    void tranchesArePlannedFromTheDayTheAwardIsMadeToTheDayItEnds() {
        LocalDate made = LocalDate.of(2025, 3, 1);
        LocalDate end = LocalDate.of(2026, 3, 1);
        Money usd = Money.usd("1000");
        assertThat(TrancheDates.problems(List.of(new TrancheSchedule("t-1", usd, made, null),
                new TrancheSchedule("t-2", usd, end, "r-1"), new TrancheSchedule("t-3", usd, null, "r-1")), made, end)).isEmpty();
        assertThat(TrancheDates.problems(List.of(new TrancheSchedule("t-1", usd, made.minusDays(1), null)), made, end))
                .containsExactly("tranche t-1 planned on or after 2025-03-01, the day the award is made (was 2025-02-28)");
        assertThat(TrancheDates.problems(List.of(new TrancheSchedule("t-1", usd, end.plusDays(1), null)), made, end))
                .containsExactly("tranche t-1 planned on or before 2026-03-01, the day the award ends (was 2026-03-02)");
        // ReportingPeriod names a missing or early end date; this policy does not repeat it.
        assertThat(TrancheDates.problems(List.of(new TrancheSchedule("t-1", usd, made, null)), made, null)).isEmpty();
    }

    @Test
    void aReportIsOverdueFromTheDayAfterItFallsDue() {
        assertThat(ReportingPeriod.overdueFrom(LocalDate.of(2025, 8, 1))).isEqualTo(LocalDate.of(2025, 8, 2));
    }
}
