package org.strongcities.fund.process.application;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationResubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.process.CityDirectory;
import org.strongcities.fund.process.CityDirectory.CityStanding;
import org.strongcities.fund.process.HandledEvents;
import org.strongcities.fund.process.ProcessBridge;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Elements;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Messages;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

/**
 * Application events to the review process, by business key = application id. Runs as a
 * subscribing processor, so each event and its process step commit together; every handler
 * first records the event id, so a re-delivered event does nothing.
 */
@Component
@ProcessingGroup(HandledEvents.PROCESSING_GROUP)
public class ApplicationReviewBridge extends ProcessBridge {

    private static final Logger log = LoggerFactory.getLogger(ApplicationReviewBridge.class);

    private final HistoryService historyService;

    public ApplicationReviewBridge(RuntimeService runtimeService, HistoryService historyService, CityDirectory cityDirectory,
                                   HandledEvents handledEvents) {
        super(runtimeService, cityDirectory, handledEvents);
        this.historyService = historyService;
    }

    @EventHandler
    public void on(ApplicationSubmittedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            Map<String, Object> variables = routingVariables(event.cityId(), event.content());
            variables.put(Variables.APPLICATION_ID, event.applicationId());
            variables.put(Variables.CITY_ID, event.cityId());
            variables.put(Variables.HUB_ID, cityDirectory.standing(event.cityId()).hubId());
            variables.put(Variables.REVISION_STAGE, null);
            runtimeService.startProcessInstanceByKey(ApplicationReviewProcess.PROCESS_KEY, event.applicationId(), variables);
            log.info("Application {} of city {} submitted: review process started", event.applicationId(), event.cityId());
        }
    }

    /** Strict: a resubmission is possible only while the process waits for it, so a miss is a fault. */
    @EventHandler
    public void on(ApplicationResubmittedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            runtimeService.createMessageCorrelation(Messages.RESUBMITTED)
                    .processInstanceBusinessKey(event.applicationId())
                    .setVariables(routingVariables(event.cityId(), event.content()))
                    .correlateWithResult();
        }
    }

    /** A draft withdrawn before submission has no process: nothing to correlate then. */
    @EventHandler
    public void on(ApplicationWithdrawnEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            int correlated = runtimeService.createMessageCorrelation(Messages.WITHDRAWN)
                    .processInstanceBusinessKey(event.applicationId())
                    .correlateAllWithResult().size();
            log.info("Application {} withdrawn: {} review process(es) ended", event.applicationId(), correlated);
        }
    }

    /**
     * A reopened decision goes back to the Central Team: a new run of the review starts at the
     * central review, for the city of the run that decided (its hub as the city stands now). Strict:
     * only a decided case is reopened, so its review has ended and its variables are in the history.
     */
    @EventHandler
    public void on(DecisionReopenedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            String applicationId = event.applicationId();
            if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationReviewProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(applicationId).count() > 0) {
                throw new IllegalStateException("Application " + applicationId + " is reopened while its review still runs");
            }
            String cityId = cityOfEndedReview(applicationId);
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.APPLICATION_ID, applicationId);
            variables.put(Variables.CITY_ID, cityId);
            variables.put(Variables.HUB_ID, cityDirectory.standing(cityId).hubId());
            variables.put(Variables.REVISION_STAGE, null);
            runtimeService.createProcessInstanceByKey(ApplicationReviewProcess.PROCESS_KEY).businessKey(applicationId)
                    .setVariables(variables).startBeforeActivity(Elements.USER_CENTRAL_REVIEW).execute();
            log.info("Decision on application {} reopened: back to the Central Team's review", applicationId);
        }
    }

    private String cityOfEndedReview(String applicationId) {
        String[] reviews = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ApplicationReviewProcess.PROCESS_KEY).processInstanceBusinessKey(applicationId)
                .finished().list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (reviews.length == 0) {
            throw new IllegalStateException("Application " + applicationId + " is reopened but no review of it has ended");
        }
        return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(reviews)
                .variableName(Variables.CITY_ID).list().stream().map(HistoricVariableInstance::getValue)
                .map(String.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("The ended review of application " + applicationId + " names no city"));
    }

    /** The inputs of the eligibility table, fresh for every (re)submission. */
    private Map<String, Object> routingVariables(String cityId, ApplicationContent content) {
        CityStanding standing = cityDirectory.standing(cityId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.MEMBER_ACTIVE, standing.activeMember());
        variables.put(Variables.HAS_OVERDUE_REPORTS, standing.hasOverdueReports());
        // Every StrategicPriority is one of the five, so any priority at all is alignment.
        variables.put(Variables.PRIORITY_ALIGNED, !content.priorities().isEmpty());
        variables.put(Variables.REQUESTED_AMOUNT_USD, ApplicationReviewProcess.usdForRouting(content.requestedAmount()));
        variables.put(Variables.REQUESTED_CURRENCY, content.requestedAmount() == null ? null : content.requestedAmount().currency());
        return variables;
    }
}
