package org.strongcities.fund.process.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.process.ProcessTestSupport;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Decisions;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

@Deployment(resources = {ApplicationReviewProcess.ELIGIBILITY_RESOURCE, ApplicationReviewProcess.CENTRAL_APPROVAL_RESOURCE})
class DecisionTablesTest extends ProcessTestSupport {

    @Override
    protected void registerDelegates() {
        // The tables need no delegates.
    }

    @Test
    void eligibility_names_the_first_rule_broken() {
        assertThat(eligibility(false, true, false, 1000.0).<String>getEntry(Decisions.REASON)).contains("not an active member");
        assertThat(eligibility(true, true, false, 1000.0).<String>getEntry(Decisions.REASON)).contains("overdue reports");
        assertThat(eligibility(true, false, false, 1000.0).<String>getEntry(Decisions.REASON)).contains("strategic priorities");
        assertThat(eligibility(true, false, true, 4999.99).<String>getEntry(Decisions.REASON)).contains("below the fund's minimum");
        assertThat(eligibility(true, false, true, 150000.01).<String>getEntry(Decisions.REASON)).contains("above the fund's maximum");
    }

    @Test
    void eligibility_accepts_the_limits_themselves_and_leaves_other_currencies_to_the_central_team() {
        assertThat(eligibility(true, false, true, 5000.0).<Boolean>getEntry(Decisions.ELIGIBLE)).isTrue();
        assertThat(eligibility(true, false, true, 150000.0).<Boolean>getEntry(Decisions.ELIGIBLE)).isTrue();
        DmnDecisionResultEntries inEuro = eligibility(true, false, true, null);
        assertThat(inEuro.<Boolean>getEntry(Decisions.ELIGIBLE)).isTrue();
        assertThat(inEuro.<String>getEntry(Decisions.REASON)).contains("not in US dollars");
    }

    @Test
    void a_second_approver_is_needed_above_fifty_thousand_dollars_and_for_other_currencies() {
        SecondApprovalRouting routing = new SecondApprovalRouting(engine.getDecisionService());

        assertThat(routing.secondApprovalRequired(DecisionType.APPROVE_IN_FULL, Money.usd("50000"))).isFalse();
        assertThat(routing.secondApprovalRequired(DecisionType.APPROVE_IN_FULL, Money.usd("50000.01"))).isTrue();
        assertThat(routing.secondApprovalRequired(DecisionType.APPROVE_PARTIALLY, Money.of("1000", "EUR"))).isTrue();
        assertThat(routing.secondApprovalRequired(DecisionType.DECLINE, null)).isFalse();
    }

    private DmnDecisionResultEntries eligibility(boolean memberActive, boolean hasOverdueReports, boolean priorityAligned,
                                                 Double requestedAmountUsd) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(Variables.MEMBER_ACTIVE, memberActive);
        inputs.put(Variables.HAS_OVERDUE_REPORTS, hasOverdueReports);
        inputs.put(Variables.PRIORITY_ALIGNED, priorityAligned);
        inputs.put(Variables.REQUESTED_AMOUNT_USD, requestedAmountUsd);
        return engine.getDecisionService().evaluateDecisionByKey(Decisions.ELIGIBILITY).variables(inputs).evaluate().getSingleResult();
    }
}
