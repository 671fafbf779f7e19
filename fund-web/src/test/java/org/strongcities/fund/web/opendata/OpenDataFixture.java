package org.strongcities.fund.web.opendata;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.web.asof.CaseHistory;
import org.strongcities.fund.web.asof.CaseState;
import org.strongcities.fund.web.demo.DemoNetwork;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Awards to export, made through the real commands on the shared application: an ordinary one in
 * Nairobi (a paid tranche and a refund), a sensitive one in Skopje (a city with no public case), and one whose title starts
 * like a spreadsheet formula. Made once per application context and shared by the open-data and
 * as-of tests. Every award is funded from the demo's unrestricted US contribution.
 */
public final class OpenDataFixture {

    public static final String CONTRIBUTION = "contribution-us-2026";
    public static final String PUBLIC_APPLICATION = "app-od-nairobi";
    public static final String PUBLIC_AWARD = "award-od-nairobi";
    public static final String PUBLIC_TITLE = "Youth voices in city prevention planning";
    /** A demo city with no public case, so that any mention of it in an export is a leak. */
    public static final String SENSITIVE_CITY = "city-skopje";
    public static final String SENSITIVE_APPLICATION = "app-od-sensitive";
    public static final String SENSITIVE_AWARD = "award-od-sensitive";
    public static final String SENSITIVE_TITLE = "Reintegration of returnees from the conflict zone in Skopje";
    public static final String SENSITIVE_SUMMARY = "Case management for twelve named returning families";
    public static final String FORMULA_APPLICATION = "app-od-formula";
    public static final String FORMULA_AWARD = "award-od-formula";
    public static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    /** Moments of the public case, for the as-of tests. */
    public record Made(Instant beforePublicAward, Instant afterPublicAward) {
    }

    private static Made made;

    private final CommandGateway commands;
    private final CaseHistory history;
    private final JdbcTemplate jdbc;

    private OpenDataFixture(ApplicationContext context) {
        this.commands = context.getBean(CommandGateway.class);
        this.history = context.getBean(CaseHistory.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Makes the awards the first time it is called on this context; later calls return what was made. */
    public static synchronized Made awards(ApplicationContext context) {
        if (made == null || !exists(context)) {
            made = new OpenDataFixture(context).makeAll();
        }
        return made;
    }

    private static boolean exists(ApplicationContext context) {
        return context.getBean(CaseHistory.class).asOf(PUBLIC_APPLICATION, Instant.now()).exists();
    }

    private Made makeAll() {
        LocalDate today = LocalDate.now();
        approved(PUBLIC_APPLICATION, DemoNetwork.NAIROBI, "focal.nairobi", "hub.eastafrica",
                content(PUBLIC_TITLE, "Young people co-design the city's prevention plan with the council.", false));
        pause();
        Instant beforeAward = Instant.now();
        pause();
        award(PUBLIC_AWARD, PUBLIC_APPLICATION, DemoNetwork.NAIROBI, Region.EAST_SOUTHERN_AFRICA, today);
        pause();
        Instant afterAward = Instant.now();
        send(new RequestTrancheCommand(PUBLIC_AWARD, "t-1", "finance.officer"));
        send(new ApproveTrancheCommand(PUBLIC_AWARD, "t-1", "finance.approver"));
        send(new RecordTranchePaymentCommand(PUBLIC_AWARD, "t-1", "PAY-OD-1", today, null, "finance.officer"));
        send(new RecordRefundCommand(PUBLIC_AWARD, "refund-od-1", Money.usd("1500"), "Unspent venue budget",
                "finance.officer"));

        approved(SENSITIVE_APPLICATION, SENSITIVE_CITY, "focal.skopje", "hub.balkans",
                content(SENSITIVE_TITLE, SENSITIVE_SUMMARY, true));
        award(SENSITIVE_AWARD, SENSITIVE_APPLICATION, SENSITIVE_CITY, Region.WESTERN_BALKANS, today);

        approved(FORMULA_APPLICATION, DemoNetwork.NAIROBI, "focal.nairobi", "hub.eastafrica",
                content(FORMULA_TITLE, "+SUM(A1:A9) -- a summary that starts like a formula", false));
        award(FORMULA_AWARD, FORMULA_APPLICATION, DemoNetwork.NAIROBI, Region.EAST_SOUTHERN_AFRICA, today);

        // The read models follow the event store a moment later.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM rm_award WHERE award_id IN (?, ?, ?)", PUBLIC_AWARD, SENSITIVE_AWARD, FORMULA_AWARD) == 3
                && count("SELECT count(*) FROM rm_application WHERE award_id IN (?, ?, ?)", PUBLIC_AWARD, SENSITIVE_AWARD, FORMULA_AWARD) == 3
                && count("SELECT count(*) FROM rm_tranche WHERE award_id = ? AND status = 'PAID'", PUBLIC_AWARD) == 1
                && count("SELECT count(*) FROM rm_ledger_entry WHERE award_id = ? AND entry_kind = 'REFUNDED'", PUBLIC_AWARD) == 1);
        return new Made(beforeAward, afterAward);
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    static ApplicationContent content(String title, String summary, boolean sensitive) {
        Money amount = Money.usd("20000");
        LocalDate start = LocalDate.now();
        return new ApplicationContent(title, summary, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, amount, List.of(new BudgetLine("Workshops and facilitation", amount)),
                start, start.plusMonths(18), "Objectives of the work", List.of(new Indicator("Young people reached", "0", "300")),
                "Risks and how they are handled", "Do-no-harm measures", sensitive);
    }

    /**
     * Drafts, submits and takes the application through eligibility, both reviews and an approval.
     * The review process (Camunda) may take some of these steps itself; a step that it already took
     * is skipped, not repeated.
     */
    private void approved(String applicationId, String cityId, String focalPoint, String hub, ApplicationContent content) {
        send(new CreateApplicationDraftCommand(applicationId, cityId, focalPoint));
        send(new SubmitApplicationCommand(applicationId, content, focalPoint));
        step(new RecordEligibilityCommand(applicationId, true, null, hub), s -> s.status() != ApplicationStatus.SUBMITTED);
        step(new StartHubReviewCommand(applicationId, hub), s -> s.status() == ApplicationStatus.UNDER_HUB_REVIEW
                || s.status() == ApplicationStatus.UNDER_CENTRAL_REVIEW);
        step(new StartCentralReviewCommand(applicationId, "central.reviewer"),
                s -> s.status() == ApplicationStatus.UNDER_CENTRAL_REVIEW);
        step(decide(applicationId), s -> s.status() == ApplicationStatus.AWARDED);
    }

    private void award(String awardId, String applicationId, String cityId, Region region, LocalDate today) {
        Money total = Money.usd("20000");
        Money half = Money.usd("10000");
        send(new MakeAwardCommand(awardId, applicationId, cityId, region, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, null, total, List.of(new BudgetLine("Workshops and facilitation", total)),
                List.of(new TrancheSchedule("t-1", half, today, null), new TrancheSchedule("t-2", half, today.plusMonths(14), "r-1")),
                List.of(new ReportingObligation("r-1", ReportKind.PROGRESS, today.plusMonths(12)),
                        new ReportingObligation("r-final", ReportKind.FINAL, today.plusMonths(19))),
                null, today.plusMonths(18), List.of(new FundingAllocation(CONTRIBUTION, total)), "central.approver"));
    }

    /**
     * The decision by the second Central Team member. Built from the record's components by name,
     * because the command is gaining a routing verdict (secondApprovalRequired) while this is written:
     * components this fixture does not know get their type's default (false, null).
     */
    private static Object decide(String applicationId) {
        Map<String, Object> values = Map.of("applicationId", applicationId, "decisionType", DecisionType.APPROVE_IN_FULL,
                "rationaleForApplicant", "Well aligned with the youth engagement priority", "actor", "central.approver");
        try {
            RecordComponent[] components = DecideApplicationCommand.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = values.containsKey(components[i].getName()) ? values.get(components[i].getName())
                        : types[i] == boolean.class ? Boolean.FALSE : null;
            }
            Constructor<DecideApplicationCommand> constructor = DecideApplicationCommand.class.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build DecideApplicationCommand", e);
        }
    }

    /** Sends the command unless the case already shows it done; retries while a process step races it. */
    private void step(Object command, Predicate<CaseState> done) {
        String applicationId = applicationIdOf(command);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            if (done.test(history.asOf(applicationId, Instant.now()))) {
                return;
            }
            try {
                send(command);
                return;
            } catch (RuntimeException rejected) {
                last = rejected;
                pause();
            }
        }
        if (done.test(history.asOf(applicationId, Instant.now()))) {
            return;
        }
        throw new IllegalStateException("Fixture step " + command.getClass().getSimpleName() + " never succeeded", last);
    }

    private static String applicationIdOf(Object command) {
        try {
            return (String) command.getClass().getMethod("applicationId").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Object command) {
        commands.sendAndWait(command);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
