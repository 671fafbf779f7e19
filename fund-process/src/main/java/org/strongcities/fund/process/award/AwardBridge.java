package org.strongcities.fund.process.award;

import static org.camunda.bpm.engine.variable.Variables.createVariables;
import static org.camunda.bpm.engine.variable.Variables.stringValue;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.ReportSubmittedEvent;
import org.strongcities.fund.domain.api.TrancheRequestedEvent;
import org.strongcities.fund.process.CityDirectory;
import org.strongcities.fund.process.HandledEvents;
import org.strongcities.fund.process.ProcessBridge;
import org.strongcities.fund.process.award.AwardProcess.Messages;
import org.strongcities.fund.process.award.AwardProcess.Variables;

/**
 * Award events to the award process, by business key = award id. Like the application bridge:
 * subscribing, one transaction with the event, idempotent by event id. Correlation is strict:
 * each of these events is possible only while the process waits for it.
 */
@Component
@ProcessingGroup(HandledEvents.PROCESSING_GROUP)
public class AwardBridge extends ProcessBridge {

    private static final Logger log = LoggerFactory.getLogger(AwardBridge.class);

    public AwardBridge(RuntimeService runtimeService, CityDirectory cityDirectory, HandledEvents handledEvents) {
        super(runtimeService, cityDirectory, handledEvents);
    }

    @EventHandler
    public void on(AwardMadeEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.AWARD_ID, event.awardId());
            variables.put(Variables.APPLICATION_ID, event.applicationId());
            variables.put(Variables.CITY_ID, event.cityId());
            variables.put(Variables.HUB_ID, cityDirectory.standing(event.cityId()).hubId());
            variables.put(Variables.REPORTING_OBLIGATIONS, ReportSchedule.encode(event.reportingObligations()));
            runtimeService.startProcessInstanceByKey(AwardProcess.PROCESS_KEY, event.awardId(), variables);
            log.info("Award {} to city {} made: award process started with {} reporting obligations",
                    event.awardId(), event.cityId(), event.reportingObligations().size());
        }
    }

    @EventHandler
    public void on(ReportSubmittedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            runtimeService.createMessageCorrelation(Messages.REPORT_SUBMITTED)
                    .processInstanceBusinessKey(event.awardId())
                    .localVariableEquals(Variables.REPORT_ID, event.reportId())
                    .correlateWithResult();
        }
    }

    /**
     * Transient variables: the model copies them into the scope of this one tranche, so two
     * tranches in flight do not mix and nothing stays behind on the process.
     */
    @EventHandler
    public void on(TrancheRequestedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            runtimeService.createMessageCorrelation(Messages.TRANCHE_REQUESTED)
                    .processInstanceBusinessKey(event.awardId())
                    .setVariables(transientTexts(Variables.TRANCHE_ID, event.trancheId(), Variables.TRANCHE_REQUESTED_BY, event.actor()))
                    .correlateWithResult();
        }
    }

    @EventHandler
    public void on(AmendmentProposedEvent event, @MessageIdentifier String eventId) {
        if (handledEvents.firstDelivery(eventId)) {
            runtimeService.createMessageCorrelation(Messages.AMENDMENT_PROPOSED)
                    .processInstanceBusinessKey(event.awardId())
                    .setVariables(transientTexts(Variables.AMENDMENT_ID, event.amendmentId(), Variables.AMENDMENT_PROPOSED_BY, event.actor()))
                    .correlateWithResult();
        }
    }

    private static VariableMap transientTexts(String idName, String id, String actorName, String actor) {
        return createVariables().putValueTyped(idName, stringValue(id, true)).putValueTyped(actorName, stringValue(actor, true));
    }
}
