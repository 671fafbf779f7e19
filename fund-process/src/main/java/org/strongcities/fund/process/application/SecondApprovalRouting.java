package org.strongcities.fund.process.application;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Decisions;

/**
 * Asks the decision table second_approval_required (central_approval.dmn) whether a Central Team
 * approval needs a second approver. The web layer asks before it sends DecideApplicationCommand
 * and passes the same verdict to the command and to the task completion
 * ({@link ApplicationReviewProcess#centralDecided}), so the threshold lives in the table only.
 */
@Component
public class SecondApprovalRouting {

    private final DecisionService decisionService;

    public SecondApprovalRouting(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    /** approvedAmount: the amount in effect (the requested amount for an approval in full). */
    public boolean secondApprovalRequired(DecisionType decisionType, Money approvedAmount) {
        if (decisionType == DecisionType.DECLINE) {
            return false;
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(Decisions.APPROVED_CURRENCY, approvedAmount.currency());
        inputs.put(Decisions.APPROVED_AMOUNT_USD, ApplicationReviewProcess.usdForRouting(approvedAmount));
        return decisionService.evaluateDecisionByKey(Decisions.SECOND_APPROVAL_REQUIRED).variables(inputs).evaluate()
                .getSingleResult().<Boolean>getEntry(Decisions.SECOND_APPROVAL_REQUIRED_OUTPUT);
    }
}
