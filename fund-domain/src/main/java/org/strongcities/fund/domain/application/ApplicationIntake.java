package org.strongcities.fund.domain.application;

import org.strongcities.fund.domain.ExistingAggregates;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.ResubmitApplicationCommand;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.membership.MemberCity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Only an active member city applies, through one of its focal points. That rule spans the city
 * and the application, so drafting and (re)submitting are handled here, in one unit of work.
 */
public class ApplicationIntake {

    private final Repository<Application> applications;
    private final Repository<MemberCity> cities;

    public ApplicationIntake(Repository<Application> applications, Repository<MemberCity> cities) {
        this.applications = applications;
        this.cities = cities;
    }

    @CommandHandler
    public void handle(CreateApplicationDraftCommand command) throws Exception {
        requireMayApply(command.cityId(), command.actor(), command.applicationId());
        applications.newInstance(() -> new Application(command));
    }

    @CommandHandler
    public void handle(SubmitApplicationCommand command) {
        Aggregate<Application> application = ExistingAggregates.load(applications, command.applicationId(), "application");
        requireMayApply(application.invoke(Application::cityId), command.actor(), command.applicationId());
        application.execute(it -> it.submit(command));
    }

    @CommandHandler
    public void handle(ResubmitApplicationCommand command) {
        Aggregate<Application> application = ExistingAggregates.load(applications, command.applicationId(), "application");
        requireMayApply(application.invoke(Application::cityId), command.actor(), command.applicationId());
        application.execute(it -> it.resubmit(command));
    }

    private void requireMayApply(String cityId, String actor, String applicationId) {
        BusinessRuleViolation.requireText(cityId, "Application " + applicationId + " needs the member city that applies");
        ExistingAggregates.load(cities, cityId, "member city").execute(city -> city.requireMayApply(actor, applicationId));
    }
}
