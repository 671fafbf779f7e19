package org.strongcities.fund.web.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.DeclareConflictOfInterestCommand;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.RecordedTime;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.ProcessTasks;
import org.strongcities.fund.process.application.ApplicationReviewProcess;
import org.strongcities.fund.process.application.SecondApprovalRouting;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cases in every state, each taken through the review and award processes by the people whose
 * steps they are: drafts, under hub review, revision requested, under central review, awaiting a
 * second approval, declined, awarded, paid, report overdue and closed.
 */
@Component
public class DemoCases {

    private static final String CENTRAL = "central.reviewer";
    private static final String OFFICER = "finance.officer";
    private static final String APPROVER = "finance.approver";
    private static final long PATIENCE_MILLIS = 60_000;

    private final CommandGateway commands;
    private final ProcessTasks processTasks;
    private final TaskService taskService;
    private final ManagementService management;
    private final SecondApprovalRouting secondApproval;
    private final ActingAs actingAs;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Map<String, ApplicationContent> submitted = new java.util.HashMap<>();

    DemoCases(CommandGateway commands, ProcessTasks processTasks, TaskService taskService, ManagementService management,
              SecondApprovalRouting secondApproval, ActingAs actingAs, ProcessEngineConfigurationImpl engineConfiguration) {
        this.engineConfiguration = engineConfiguration;
        this.commands = commands;
        this.processTasks = processTasks;
        this.taskService = taskService;
        this.management = management;
        this.secondApproval = secondApproval;
        this.actingAs = actingAs;
    }

    void seed(DemoCalendar calendar) {
        // Seeding runs before the starter switches the job executor on (at application start), but
        // the asynchronous steps of the processes (eligibility check, timers) need it now.
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        if (jobExecutor != null && !jobExecutor.isActive()) {
            jobExecutor.start();
        }
        // Closed: the whole life of a case.
        wholeLife(calendar, "demo-app-nairobi-youth", "Youth dialogue for safer neighbourhoods", "18000", "contribution-denmark-esa");

        // Paid: the first tranche is out, the final report is not due yet.
        String paid = submit(calendar, "demo-app-sarajevo-plan", DemoNetwork.SARAJEVO, "focal.sarajevo",
                "Prevention action plan for Sarajevo Canton", "24000", SupportType.LOCAL_PREVENTION_FRAMEWORK,
                StrategicPriority.CITY_PREVENTION_MANDATES);
        hubForward(paid, "hub.balkans", DemoNetwork.HUB_WESTERN_BALKANS);
        centralDecide(paid, DecisionType.APPROVE_IN_FULL, null);
        pay(calendar, award(paid, DemoNetwork.SARAJEVO, Region.WESTERN_BALKANS, "contribution-helsinki-balkans", "24000",
                calendar.date(2027, 9, 30)), "t1");

        // Report overdue: the case was decided and awarded in July 2026 of the demo calendar (its events are
        // recorded then), its progress report fell due in August, so the award process marks it overdue at once
        // and the city's payments go on hold. The domain refuses a report due before the day the award is made.
        recordedFrom(calendar.date(2026, 7, 1), () -> {
            String overdue = submit(calendar, "demo-app-kampala-radio", "city-kampala", "focal.kampala",
                    "Community radio against hate speech", "15000", SupportType.STRATEGIC_COMMUNICATIONS,
                    StrategicPriority.YOUTH_ENGAGEMENT);
            hubForward(overdue, "hub.eastafrica", DemoNetwork.HUB_EAST_SOUTHERN_AFRICA);
            centralDecide(overdue, DecisionType.APPROVE_IN_FULL, null);
            award(overdue, "city-kampala", Region.EAST_SOUTHERN_AFRICA, "contribution-norway-2026", "15000",
                    calendar.date(2026, 10, 15));
        });

        // Awarded, nothing paid yet; partially approved.
        String awarded = submit(calendar, "demo-app-tirana-grants", "city-tirana", "focal.tirana",
                "Local innovation grants for youth initiatives", "30000", SupportType.LOCAL_INNOVATION_GRANT,
                StrategicPriority.YOUTH_ENGAGEMENT, StrategicPriority.CITY_TO_CITY_INTERACTION);
        hubForward(awarded, "hub.balkans", DemoNetwork.HUB_WESTERN_BALKANS);
        centralDecide(awarded, DecisionType.APPROVE_PARTIALLY, Money.usd("25000"));
        award(awarded, "city-tirana", Region.WESTERN_BALKANS, "contribution-uk-youth", "25000",
                calendar.date(2027, 6, 30));

        // Approved and waiting for finance to make the award (Awards to make).
        String approved = submit(calendar, "demo-app-colombo-mentors", "city-colombo", "focal.colombo",
                "Mentoring network for former gang members", "14000", SupportType.REHABILITATION_REINTEGRATION,
                StrategicPriority.CITY_PREVENTION_MANDATES);
        hubForward(approved, "hub.southasia", DemoNetwork.HUB_SOUTH_ASIA);
        centralDecide(approved, DecisionType.APPROVE_IN_FULL, null);

        // Declined by the Central Team.
        String declined = submit(calendar, "demo-app-quezon-cctv", "city-quezon", "focal.quezon",
                "Surveillance cameras for public squares", "40000", SupportType.INTERVENTION_DESIGN_DELIVERY,
                StrategicPriority.CITY_PREVENTION_MANDATES);
        hubForward(declined, "hub.seasia", DemoNetwork.HUB_SOUTHEAST_ASIA);
        centralDecide(declined, DecisionType.DECLINE, null);

        // Awaiting the second Central Team approver (above the routing table's threshold): central.approver confirms.
        String large = submit(calendar, "demo-app-tunis-network", "city-tunis", "focal.tunis",
                "Regional network of prevention practitioners", "80000", SupportType.TRAINING_CAPACITY_BUILDING,
                StrategicPriority.CITY_TO_CITY_INTERACTION, StrategicPriority.MAYORS_VOICES);
        hubForward(large, "hub.mena", DemoNetwork.HUB_MENA);
        centralDecide(large, DecisionType.APPROVE_IN_FULL, null);

        // Under central review, revision requested, under hub review, drafts.
        String central = submit(calendar, "demo-app-amman-assessment", "city-amman", "focal.amman",
                "Risk and needs assessment of East Amman", "20000", SupportType.RISK_NEEDS_ASSESSMENT,
                StrategicPriority.NATIONAL_LOCAL_COORDINATION);
        hubForward(central, "hub.mena", DemoNetwork.HUB_MENA);
        String revision = submit(calendar, "demo-app-medellin-comms", "city-medellin", "focal.medellin",
                "Counter-narratives with local media", "22000", SupportType.STRATEGIC_COMMUNICATIONS,
                StrategicPriority.MAYORS_VOICES);
        hubRevision(revision, "hub.latam", DemoNetwork.HUB_LATIN_AMERICA);
        submit(calendar, "demo-app-mombasa-safety", "city-mombasa", "focal.mombasa", "Safer markets with traders and youth groups",
                "16000", SupportType.COMMUNITY_YOUTH_ENGAGEMENT, StrategicPriority.YOUTH_ENGAGEMENT);
        submit(calendar, "demo-app-dhaka-exchange", "city-dhaka", "focal.dhaka", "City-to-city exchange with Colombo",
                "12000", SupportType.TRAINING_CAPACITY_BUILDING, StrategicPriority.CITY_TO_CITY_INTERACTION);
        submit(calendar, "demo-app-sarajevo-mayors", DemoNetwork.SARAJEVO, "focal.sarajevo", "Mayors' forum on social cohesion",
                "9000", SupportType.TRAINING_CAPACITY_BUILDING, StrategicPriority.MAYORS_VOICES);
        draft("demo-app-nairobi-draft", DemoNetwork.NAIROBI, "focal.nairobi", "Rehabilitation mentoring pilot");
        draft("demo-app-mombasa-draft", "city-mombasa", "focal.mombasa", "Coastal youth sports league");
        awaitQuiet();
    }

    /**
     * Runs the steps with Axon's event clock set back so that it reads {@code day} when they start: the
     * events are recorded as of then, and the domain's rules about today read the same clock. The clock is
     * every thread's, so the jobs of the cases before are run first: none of theirs is back-dated. The steps
     * wait for their own eligibility check (the hub review task follows it), so it is dated with them; the
     * clock is set right as soon as the award is made, so the overdue marking its timer then fires is dated
     * today. Seeding runs before anyone signs in.
     */
    private void recordedFrom(LocalDate day, Runnable steps) {
        awaitQuiet();
        Clock real = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.offset(real, Duration.between(real.instant(), day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        try {
            steps.run();
        } finally {
            GenericEventMessage.clock = real;
        }
    }

    /**
     * One case of Nairobi from submission to close-out, every step by the person whose step it is:
     * submit, hub review, central decision, award, two tranches paid, two reports accepted, close-out.
     * The demo's closed case, and the unit of the benchmark's lifecycle measure; its dates are those of
     * the demo written for today (RecordedTime), so its reports fall due after the award is made.
     */
    public void wholeLife(String applicationId, String title, String amountUsd, String contributionId) {
        wholeLife(DemoCalendar.seededOn(RecordedTime.today()), applicationId, title, amountUsd, contributionId);
    }

    private void wholeLife(DemoCalendar calendar, String applicationId, String title, String amountUsd, String contributionId) {
        String application = submit(calendar, applicationId, DemoNetwork.NAIROBI, "focal.nairobi", title, amountUsd,
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, StrategicPriority.YOUTH_ENGAGEMENT,
                StrategicPriority.NATIONAL_LOCAL_COORDINATION);
        hubForward(application, "hub.eastafrica", DemoNetwork.HUB_EAST_SOUTHERN_AFRICA);
        centralDecide(application, DecisionType.APPROVE_IN_FULL, null);
        String award = award(application, DemoNetwork.NAIROBI, Region.EAST_SOUTHERN_AFRICA, contributionId, amountUsd,
                calendar.date(2027, 3, 31));
        pay(calendar, award, "t1");
        report(award, "r1", "focal.nairobi", "hub.eastafrica", DemoNetwork.HUB_EAST_SOUTHERN_AFRICA);
        pay(calendar, award, "t2");
        report(award, "r2", "focal.nairobi", "hub.eastafrica", DemoNetwork.HUB_EAST_SOUTHERN_AFRICA);
        complete(award, AwardProcess.Elements.USER_CLOSE_OUT, OFFICER, CandidateGroups.FINANCE_OFFICERS,
                new CloseOutAwardCommand(award, OFFICER), Map.of(), Role.FINANCE_OFFICER);
    }

    private void draft(String applicationId, String cityId, String focalPoint, String title) {
        actingAs.run(focalPoint, Role.CITY_FOCAL_POINT, () -> {
            commands.sendAndWait(new CreateApplicationDraftCommand(applicationId, cityId, focalPoint));
            commands.sendAndWait(new SaveApplicationDraftCommand(applicationId, new ApplicationContent(title,
                    "Early notes; budget to follow.", Set.of(StrategicPriority.YOUTH_ENGAGEMENT), null, null, null, null,
                    null, null, null, null, null, false), focalPoint));
        });
    }

    private String submit(DemoCalendar calendar, String applicationId, String cityId, String focalPoint, String title, String amountUsd,
                          SupportType supportType, StrategicPriority... priorities) {
        Money amount = Money.usd(amountUsd);
        Money first = Money.usd(amount.amount().multiply(new BigDecimal("0.6")).setScale(2).toPlainString());
        ApplicationContent content = new ApplicationContent(title,
                "Work with local partners over twelve months, led by the city's prevention unit.",
                Set.copyOf(Arrays.asList(priorities)), supportType, amount,
                List.of(new BudgetLine("Delivery by local partners", first), new BudgetLine("Events, travel and materials",
                        amount.minus(first))),
                calendar.date(2027, 1, 1), calendar.date(2027, 12, 31),
                "Strengthen the city's own capacity to prevent hate and extremism.",
                List.of(new Indicator("People reached", "0", "500"), new Indicator("Partners engaged", "2", "8")),
                "Partner turnover; mitigated by a steering group chaired by the city.",
                "No personal data on participants is recorded; venues are chosen with the community.", false);
        actingAs.run(focalPoint, Role.CITY_FOCAL_POINT, () -> {
            commands.sendAndWait(new CreateApplicationDraftCommand(applicationId, cityId, focalPoint));
            commands.sendAndWait(new SubmitApplicationCommand(applicationId, content, focalPoint));
        });
        submitted.put(applicationId, content);
        return applicationId;
    }

    private void hubForward(String applicationId, String reviewer, String hubId) {
        declareNoConflict(applicationId, reviewer, ReviewStage.HUB, Role.HUB_REVIEWER);
        complete(applicationId, ApplicationReviewProcess.Elements.USER_HUB_REVIEW, reviewer, CandidateGroups.hub(hubId),
                new SubmitReviewCommand(reviewId(applicationId, ReviewStage.HUB, reviewer), scores(), Recommendation.FUND_IN_FULL,
                        "Well aligned with the city's prevention plan and realistic.", "Partner has delivered before.", reviewer),
                ApplicationReviewProcess.hubForwarded(), Role.HUB_REVIEWER);
    }

    private void hubRevision(String applicationId, String reviewer, String hubId) {
        declareNoConflict(applicationId, reviewer, ReviewStage.HUB, Role.HUB_REVIEWER);
        complete(applicationId, ApplicationReviewProcess.Elements.USER_HUB_REVIEW, reviewer, CandidateGroups.hub(hubId),
                new RequestRevisionCommand(applicationId, "Please show how the media partners were chosen and add a "
                        + "do-no-harm check for journalists.", reviewer),
                ApplicationReviewProcess.hubRequestedRevision(), Role.HUB_REVIEWER);
    }

    private void centralDecide(String applicationId, DecisionType decision, Money partialAmount) {
        declareNoConflict(applicationId, CENTRAL, ReviewStage.CENTRAL, Role.CENTRAL_REVIEWER);
        Task task = awaitTask(applicationId, ApplicationReviewProcess.Elements.USER_CENTRAL_REVIEW);
        Object requested = taskService.getVariable(task.getId(), ApplicationReviewProcess.Variables.REQUESTED_AMOUNT_USD);
        Money inEffect = partialAmount != null ? partialAmount : Money.usd(new BigDecimal(requested.toString()).setScale(2).toPlainString());
        boolean second = secondApproval.secondApprovalRequired(decision, inEffect);
        String rationale = decision == DecisionType.DECLINE
                ? "Cameras are outside what the fund supports; the hub can help design a community-led alternative."
                : "A clear plan with local ownership and sensible costs.";
        String conditions = decision == DecisionType.APPROVE_PARTIALLY ? "Grants of at most USD 2,500 each." : null;
        complete(applicationId, ApplicationReviewProcess.Elements.USER_CENTRAL_REVIEW, CENTRAL, CandidateGroups.CENTRAL_TEAM,
                new DecideApplicationCommand(applicationId, decision, partialAmount, conditions, rationale, null, second, CENTRAL),
                ApplicationReviewProcess.centralDecided(decision, second, CENTRAL), Role.CENTRAL_REVIEWER);
    }

    private String award(String applicationId, String cityId, Region region, String contributionId, String amountUsd,
                         LocalDate reportDue) {
        // Aggregate ids share one namespace in the event store: an award never reuses its application's id.
        String awardId = applicationId.replaceFirst("-app-", "-award-");
        if (awardId.equals(applicationId)) {
            throw new IllegalArgumentException("Case ids for the demo contain '-app-': " + applicationId);
        }
        Money amount = Money.usd(amountUsd);
        Money first = Money.usd(amount.amount().multiply(new BigDecimal("0.6")).setScale(2).toPlainString());
        ApplicationContent content = submitted.get(applicationId);
        // The first tranche six months before the final report, but not before the award is made: the domain
        // refuses a tranche planned outside the award's period (the Kampala and Nairobi cases end sooner).
        LocalDate made = RecordedTime.today();
        LocalDate firstPlanned = reportDue.minusMonths(6).isBefore(made) ? made : reportDue.minusMonths(6);
        actingAs.run(OFFICER, Role.FINANCE_OFFICER, () -> commands.sendAndWait(new MakeAwardCommand(awardId, applicationId,
                cityId, region, content.priorities(), content.supportType(), null, amount,
                List.of(new BudgetLine("Delivery by local partners", first), new BudgetLine("Events, travel and materials",
                        amount.minus(first))),
                List.of(new TrancheSchedule("t1", first, firstPlanned, null),
                        new TrancheSchedule("t2", amount.minus(first), reportDue.minusMonths(1), "r1")),
                List.of(new ReportingObligation("r1", ReportKind.PROGRESS, reportDue.minusMonths(2)),
                        new ReportingObligation("r2", ReportKind.FINAL, reportDue)),
                null, reportDue, List.of(new FundingAllocation(contributionId, amount)), OFFICER)));
        return awardId;
    }

    private void pay(DemoCalendar calendar, String awardId, String trancheId) {
        actingAs.run(OFFICER, Role.FINANCE_OFFICER, () -> commands.sendAndWait(new RequestTrancheCommand(awardId, trancheId, OFFICER)));
        complete(awardId, AwardProcess.Elements.USER_APPROVE_TRANCHE, APPROVER, CandidateGroups.FINANCE_APPROVERS,
                new ApproveTrancheCommand(awardId, trancheId, APPROVER), AwardProcess.trancheApproved(APPROVER),
                Role.FINANCE_APPROVER);
        complete(awardId, AwardProcess.Elements.USER_PAY_TRANCHE, OFFICER, CandidateGroups.FINANCE_OFFICERS,
                new RecordTranchePaymentCommand(awardId, trancheId, "DEMO-" + awardId + "-" + trancheId,
                        calendar.date(2026, 11, 2), null, OFFICER), Map.of(), Role.FINANCE_OFFICER);
    }

    private void report(String awardId, String reportId, String focalPoint, String reviewer, String hubId) {
        actingAs.run(focalPoint, Role.CITY_FOCAL_POINT, () -> commands.sendAndWait(new SubmitReportCommand(awardId, reportId,
                "Activities delivered as planned; see the indicators.", List.of(), focalPoint)));
        complete(awardId, AwardProcess.Elements.USER_REVIEW_REPORT, reviewer, CandidateGroups.hub(hubId),
                new AcceptReportCommand(awardId, reportId, reviewer), AwardProcess.reportReviewed(true), Role.HUB_REVIEWER);
    }

    private void declareNoConflict(String applicationId, String reviewer, ReviewStage stage, Role role) {
        actingAs.run(reviewer, role, () -> commands.sendAndWait(new DeclareConflictOfInterestCommand(
                reviewId(applicationId, stage, reviewer), applicationId, 1, reviewer, stage, false, "No relationship with the city.")));
    }

    private void complete(String businessKey, String taskKey, String actor, String group, Object command,
                          Map<String, Object> variables, Role role) {
        Task task = awaitTask(businessKey, taskKey);
        actingAs.run(actor, role, () -> processTasks.complete(task.getId(), actor, Set.of(group), command, variables));
    }

    /** The review ids the task screens use, so the demo reviews open like real ones. */
    private static String reviewId(String applicationId, ReviewStage stage, String reviewer) {
        return "review-" + applicationId + "-v1-" + stage.name().toLowerCase() + "-" + reviewer;
    }

    private static List<CriterionScore> scores() {
        return Arrays.stream(ReviewCriterion.values()).map(criterion -> new CriterionScore(criterion, 4)).toList();
    }

    private Task awaitTask(String businessKey, String taskKey) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
            sleep();
        }
        throw new IllegalStateException("Demo seeding: task " + taskKey + " of case " + businessKey + " did not appear");
    }

    /** Waits until the job executor has run every job that is due, so seeding leaves no work in flight. */
    private void awaitQuiet() {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline
                && management.createJobQuery().executable().count() > 0) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo seeding interrupted", e);
        }
    }
}
