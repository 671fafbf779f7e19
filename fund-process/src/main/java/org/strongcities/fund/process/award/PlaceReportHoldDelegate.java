package org.strongcities.fund.process.award;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.PlaceReportHoldCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.award.AwardProcess.Variables;

/**
 * task_place_report_hold: no tranche is paid to the city while the report is overdue. The city
 * ignores a hold it already has, so this is safe even if marking the report overdue placed it.
 */
@Component(PlaceReportHoldDelegate.BEAN)
public class PlaceReportHoldDelegate extends CommandDelegate {

    public static final String BEAN = "placeReportHold";

    public PlaceReportHoldDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        return new PlaceReportHoldCommand(text(execution, Variables.CITY_ID), text(execution, Variables.AWARD_ID),
                text(execution, Variables.REPORT_ID), SYSTEM_ACTOR);
    }
}
