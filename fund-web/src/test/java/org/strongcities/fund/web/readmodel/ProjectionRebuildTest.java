package org.strongcities.fund.web.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.DeclareConflictOfInterestCommand;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.EditReviewCommand;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.IndicatorResult;
import org.strongcities.fund.domain.api.LapseApplicationCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RejectAmendmentCommand;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.ReopenDecisionCommand;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.ResubmitApplicationCommand;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;
import org.strongcities.fund.domain.api.WithholdConfirmationCommand;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.ProcessTasks;
import org.strongcities.fund.process.application.ApplicationReviewProcess;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.security.Role;
import org.strongcities.fund.web.support.ApplicationTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A projection is only a cache of the event store: rebuilding it from the first event must give back
 * exactly the rows it holds now. Every rm_* table the tracking processors write is dumped row by row
 * (in a total order); both processors are reset and replayed from the start, then both are rebuilt in
 * memory ({@link ProjectionRebuild}), and after each the dumps must match. The rates are printed (not
 * asserted) as a quick measure of rebuild speed.
 */
class ProjectionRebuildTest extends ApplicationTest {

    /** Tables of the 'cases' group (CaseProjection, AwardProjection, CaseTimeline, HandledEvents). */
    private static final List<String> CASES_TABLES = List.of("rm_application", "rm_application_version", "rm_case_event",
            "rm_review", "rm_award", "rm_award_funding", "rm_tranche", "rm_report", "rm_amendment", "rm_handled_event");
    /** Tables of the 'ledger' group. */
    private static final List<String> LEDGER_TABLES = List.of("rm_contribution", "rm_ledger_entry");

    private static final String HUB = "hub.eastafrica";
    private static final String CENTRAL = "central.reviewer";
    private static final String OFFICER = "finance.officer";
    private static final String APPROVER = "finance.approver";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessTasks processTasks;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    BatchedWrites writes;
    @Autowired
    ObjectProvider<EventUpcaster> upcasters;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rebuildingTheCasesAndLedgerProjectionsFromTheWholeStoreGivesBackTheSameRows() {
        everyKindOfEventTheProjectionsHandle();
        // Background work (the eligibility jobs of the demo cases) may still add events: replay only a
        // store that held still for the whole rebuild, else try again.
        for (int attempt = 1; ; attempt++) {
            long newest = awaitQuietStore();
            Map<String, List<String>> before = dump();
            printCoverage();
            double cases = replay(CaseProjection.GROUP, newest);
            double ledger = replay(LedgerProjection.GROUP, newest);
            Map<String, List<String>> after = dump();
            if (newestEvent() != newest) {
                if (attempt < 3) {
                    continue;
                }
                fail("The event store kept growing during the rebuild; cannot compare");
            }
            ProjectionRebuild.Rebuilt casesFolded = rebuild.rebuild(CaseProjection.GROUP);
            ProjectionRebuild.Rebuilt ledgerFolded = rebuild.rebuild(LedgerProjection.GROUP);
            Map<String, List<String>> folded = dump();
            // As a store too large for one pass is rebuilt: passes over shares of the aggregates, and so few
            // rows kept that rows are written out and changed (and read) again by SQL.
            ProjectionRebuild inPasses = new ProjectionRebuild(processing, tokenStore, dataSource, jdbc, transactions,
                    eventSerializer, axon, writes, upcasters, 60, 10);
            assertThat(inPasses.rebuild(CaseProjection.GROUP).passes()).isGreaterThan(1);
            inPasses.rebuild(LedgerProjection.GROUP);
            Map<String, List<String>> foldedInPasses = dump();
            if (newestEvent() != newest) {
                if (attempt < 3) {
                    continue;
                }
                fail("The event store kept growing during the rebuild; cannot compare");
            }
            long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            System.out.printf("ProjectionRebuildTest: %d events in the store; replayed by the processors: 'cases' at %.0f "
                    + "events/s, 'ledger' at %.0f events/s; folded in memory: 'cases' at %.0f events/s, 'ledger' at %.0f "
                    + "events/s%n", events, events / cases, events / ledger, events / casesFolded.seconds(),
                    events / ledgerFolded.seconds());
            before.forEach((table, rows) -> {
                assertThat(rows).as("rows of %s before the rebuild", table).isNotEmpty();
                assertThat(after.get(table)).as("rows of %s after the replay", table).containsExactlyElementsOf(rows);
                assertThat(folded.get(table)).as("rows of %s after the rebuild in memory", table).containsExactlyElementsOf(rows);
                assertThat(foldedInPasses.get(table)).as("rows of %s after the rebuild in passes", table)
                        .containsExactlyElementsOf(rows);
            });
            assertThat(casesFolded.eventsRead()).isEqualTo(events);
            assertThat(casesFolded.rowsWritten()).as("every row of 'cases' written once, by COPY")
                    .isEqualTo(CASES_TABLES.stream().mapToInt(table -> folded.get(table).size()).sum());
            assertThat(caughtUp(CaseProjection.GROUP, newest)).as("'cases' resumes after the last event it rebuilt from").isTrue();
            assertThat(caughtUp(LedgerProjection.GROUP, newest)).as("'ledger' resumes after the last event it rebuilt from").isTrue();
            theProjectionsGoOnAfterTheRebuild();
            return;
        }
    }

    /**
     * The demo leaves some kinds of event out; these cases add them through the real commands, so that
     * every handler of both groups is replayed: a draft saved, reviews recused and edited, a revision
     * resubmitted and then withdrawn, a lapse, a decision whose confirmation a second approver withheld,
     * decided again and confirmed, then reopened and decided again, and an award amended (more money, a new end date, a rejected proposal), paid,
     * refunded, with a report rejected, and closed (releasing what it never drew).
     */
    private void everyKindOfEventTheProjectionsHandle() {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String focal = "focal.rebuildton";
        String city = fixture.city("Rebuildton", focal);

        // Reviews, a revision resubmitted, then withdrawn.
        String withdrawn = submitted(city, focal, "Rebuild: withdrawn after a revision");
        String recused = "review-" + withdrawn + "-hub-recused";
        commands.sendAndWait(new DeclareConflictOfInterestCommand(recused, withdrawn, 1, "hub.balkans", ReviewStage.HUB, true,
                "My sister chairs the partner organisation."));
        String review = "review-" + withdrawn + "-hub-" + HUB;
        commands.sendAndWait(new DeclareConflictOfInterestCommand(review, withdrawn, 1, HUB, ReviewStage.HUB, false,
                "No relationship with the city."));
        commands.sendAndWait(new SubmitReviewCommand(review, scores(3), Recommendation.REVISE_AND_RESUBMIT,
                "Please show the partners' track record.", "Internal: partner unknown to the hub.", HUB));
        commands.sendAndWait(new EditReviewCommand(review, scores(4), Recommendation.FUND_PARTIALLY,
                "Please show the partners' track record and budget detail.", "Internal: checked references.",
                "References arrived", HUB));
        hubRevision(withdrawn, "Show the partners' track record.");
        commands.sendAndWait(new ResubmitApplicationCommand(withdrawn, content("Rebuild: withdrawn after a revision", "9000"),
                "Track record attached.", focal));
        // The process's own job after the resubmission may move the case at the same moment: a conflict, tried again.
        againAfterConflict(new WithdrawApplicationCommand(withdrawn, "The city found other funding.", focal));

        // A revision never answered: the application lapses.
        String lapsed = submitted(city, focal, "Rebuild: lapsed");
        hubRevision(lapsed, "Add a budget breakdown.");
        commands.sendAndWait(new LapseApplicationCommand(lapsed, "No answer within the time allowed.", "system"));

        // A decision whose confirmation the second approver withholds, decided again and confirmed, reopened, and
        // decided again.
        String reopened = submitted(city, focal, "Rebuild: reopened decision");
        tolerant(new RecordEligibilityCommand(reopened, true, null, HUB));
        tolerant(new StartHubReviewCommand(reopened, HUB));
        tolerant(new StartCentralReviewCommand(reopened, CENTRAL));
        commands.sendAndWait(new DecideApplicationCommand(reopened, DecisionType.APPROVE_PARTIALLY, Money.usd("8000"),
                "Report each quarter.", "Approved in part: the venue is costed twice.", "Large for this city", true, CENTRAL));
        commands.sendAndWait(new WithholdConfirmationCommand(reopened, "The venue is costed once; approve the whole request.",
                "central.approver"));
        commands.sendAndWait(new DecideApplicationCommand(reopened, DecisionType.APPROVE_IN_FULL, null, null,
                "Approved: sound and well costed.", "Large for this city", true, CENTRAL));
        commands.sendAndWait(new ConfirmDecisionCommand(reopened, "central.approver"));
        // These commands decided the case around its review process; completing the decision's task ends the
        // review, and a reopened decision starts a new one only after it.
        endBypassedReview(reopened);
        // Both took the decision, so a third member of the Central Team reopens it (four eyes).
        commands.sendAndWait(new ReopenDecisionCommand(reopened, "The city's co-funding fell through.", "central.lead"));
        commands.sendAndWait(new DecideApplicationCommand(reopened, DecisionType.DECLINE, null, null,
                "Without co-funding the plan is not feasible.", null, false, CENTRAL));

        // An award amended, paid, refunded, a report rejected, and closed.
        String contribution = fixture.fundedContribution(DemoNetwork.DONOR_US, "60000", Earmark.unrestricted());
        String award = fixture.award(city, focal, contribution, "10000", "Rebuild: amended award", false);
        commands.sendAndWait(new ProposeAmendmentCommand(award, "am-end", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "Delays in procurement", OFFICER));
        commands.sendAndWait(new ApproveAmendmentCommand(award, "am-end", APPROVER));
        Money more = Money.usd("2000");
        commands.sendAndWait(new ProposeAmendmentCommand(award, "am-more", AmendmentKind.MORE_MONEY,
                new AmendmentTerms(more, List.of(new FundingAllocation(contribution, more)),
                        List.of(new TrancheSchedule("t-3", more, FinanceFixture.START.plusMonths(30), "r-1")),
                        List.of(new BudgetLine("Workshops", Money.usd("12000"))), null),
                "A second district joins", OFFICER));
        commands.sendAndWait(new ApproveAmendmentCommand(award, "am-more", APPROVER));
        commands.sendAndWait(new ProposeAmendmentCommand(award, "am-move", AmendmentKind.MOVE_BUDGET_LINES,
                AmendmentTerms.moveBudgetLines(List.of(new BudgetLine("Workshops", Money.usd("6000")),
                        new BudgetLine("Travel", Money.usd("6000")))), "Travel costs rose", OFFICER));
        commands.sendAndWait(new RejectAmendmentCommand(award, "am-move", "Travel is not a priority", APPROVER));
        commands.sendAndWait(new RequestTrancheCommand(award, "t-1", OFFICER));
        commands.sendAndWait(new ApproveTrancheCommand(award, "t-1", APPROVER));
        commands.sendAndWait(new RecordTranchePaymentCommand(award, "t-1", "PAY-REBUILD-1", FinanceFixture.START.plusDays(5),
                null, OFFICER));
        commands.sendAndWait(new RecordRefundCommand(award, "refund-rebuild-1", Money.usd("700"), "Venue was free", OFFICER));
        commands.sendAndWait(new SubmitReportCommand(award, "r-1", "Half the workshops done.",
                List.of(new IndicatorResult("Youth reached", "80", "on track")), focal));
        commands.sendAndWait(new RejectReportCommand(award, "r-1", "The indicators need their sources.", HUB));
        commands.sendAndWait(new SubmitReportCommand(award, "r-final", "All done.", List.of(), focal));
        commands.sendAndWait(new AcceptReportCommand(award, "r-final", HUB));
        commands.sendAndWait(new CloseOutAwardCommand(award, OFFICER));
    }

    /**
     * Through the hub's review task (once the review process has checked the eligibility and started
     * the hub review), so that the process waits for the resubmission.
     */
    private void hubRevision(String applicationId, String rationale) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Task task;
        while ((task = taskService.createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey(ApplicationReviewProcess.Elements.USER_HUB_REVIEW).singleResult()) == null) {
            if (System.nanoTime() > deadline) {
                fail("No hub review task for " + applicationId);
            }
            sleep(50);
        }
        String taskId = task.getId();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext hub = SecurityContextHolder.createEmptyContext();
        hub.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(HUB, null,
                List.of(new SimpleGrantedAuthority(Role.HUB_REVIEWER.authority()))));
        SecurityContextHolder.setContext(hub);
        try {
            processTasks.complete(taskId, HUB, Set.of(CandidateGroups.hub(DemoNetwork.HUB_EAST_SOUTHERN_AFRICA)),
                    new RequestRevisionCommand(applicationId, rationale, HUB), ApplicationReviewProcess.hubRequestedRevision());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String submitted(String city, String focal, String title) {
        String id = FinanceFixture.unique("application-rebuild");
        commands.sendAndWait(new CreateApplicationDraftCommand(id, city, focal));
        commands.sendAndWait(new SaveApplicationDraftCommand(id, content(title, "9000"), focal));
        commands.sendAndWait(new SubmitApplicationCommand(id, null, focal));
        return id;
    }

    private static ApplicationContent content(String title, String usd) {
        LocalDate start = FinanceFixture.START;
        return new ApplicationContent(title, "Summary of " + title, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, Money.usd(usd), List.of(new BudgetLine("Workshops", Money.usd(usd))),
                start, start.plusYears(1), "Objectives", List.of(new Indicator("Youth reached", "0", "200")), "Risks",
                "Do no harm", false);
    }

    private static List<CriterionScore> scores(int score) {
        return Arrays.stream(ReviewCriterion.values()).map(criterion -> new CriterionScore(criterion, score)).toList();
    }

    private void againAfterConflict(Object command) {
        againAfter(ConcurrencyException.class, 5, Duration.ZERO, () -> commands.sendAndWait(command));
    }

    /** The review's own job may be running on its instance at that moment: a conflict, tried again. */
    private void endBypassedReview(String applicationId) {
        againAfter(OptimisticLockingException.class, 10, Duration.ofMillis(100),
                () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).list()
                        .forEach(run -> runtime.deleteProcessInstance(run.getId(), "decided by commands in this test")));
    }

    /** Runs {@code work}, and again after a {@code conflict}, pausing between tries; the last try's conflict is thrown. */
    private static void againAfter(Class<? extends RuntimeException> conflict, int attempts, Duration pause, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException failure) {
                if (!conflict.isInstance(failure) || attempt == attempts) {
                    throw failure;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos());
            }
        }
    }

    private void tolerant(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (BusinessRuleViolation alreadyDoneByTheProcess) {
            // the review process took this step itself
        }
    }

    /** Seconds the processor took to replay the whole store, from the reset to its catching up with {@code newest}. */
    private double replay(String group, long newest) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        long deadline = start + PATIENCE.toNanos();
        while (!caughtUp(group, newest)) {
            if (System.nanoTime() > deadline) {
                fail("'" + group + "' did not catch up with event " + newest + " within " + PATIENCE);
            }
            sleep(5);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Both projections take new events after a rebuild, from where it left them. */
    private void theProjectionsGoOnAfterTheRebuild() {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String city = fixture.city("After-the-rebuild", "focal.afterrebuild");
        String draft = FinanceFixture.unique("app-after-rebuild");
        commands.sendAndWait(new CreateApplicationDraftCommand(draft, city, "focal.afterrebuild"));
        String contribution = fixture.signedContribution(DemoNetwork.DONOR_US, "1000", Earmark.unrestricted());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM rm_application WHERE application_id = ?", Integer.class, draft) == 0
                || jdbc.queryForObject("SELECT count(*) FROM rm_contribution WHERE contribution_id = ?", Integer.class,
                contribution) == 0) {
            if (System.nanoTime() > deadline) {
                fail("The projections did not take the events after the rebuild");
            }
            sleep(20);
        }
    }

    /** Every segment's committed token (the one stored with the rows) has reached {@code newest}. */
    private boolean caughtUp(String group, long newest) {
        List<byte[]> tokens = jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ?", byte[].class, group);
        if (tokens.isEmpty()) {
            return false;
        }
        for (byte[] token : tokens) {
            if (position(token) < newest) {
                return false;
            }
        }
        return true;
    }

    private long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            if (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            JsonNode index = node.has("index") ? node.get("index") : node.get("globalIndex");
            return index == null ? -1 : index.asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until no event has been added for a second and both processors have handled the newest one. */
    private long awaitQuietStore() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long newest = newestEvent();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(100);
            long now = newestEvent();
            if (now != newest) {
                newest = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(1).toNanos()
                    && caughtUp(CaseProjection.GROUP, newest) && caughtUp(LedgerProjection.GROUP, newest)) {
                return newest;
            }
        }
        return fail("The event store did not hold still");
    }

    private long newestEvent() {
        return jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
    }

    /** Every row of every table, as PostgreSQL's text of the whole row, in that text's order. */
    private Map<String, List<String>> dump() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(CASES_TABLES);
        tables.addAll(LEDGER_TABLES);
        for (String table : tables) {
            rows.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY t::text COLLATE \"C\"", String.class));
        }
        return rows;
    }

    private void printCoverage() {
        StringBuilder line = new StringBuilder("ProjectionRebuildTest: events by type:");
        jdbc.queryForList("SELECT payloadtype, count(*) AS n FROM domainevententry GROUP BY payloadtype ORDER BY payloadtype")
                .forEach(row -> line.append(' ').append(String.valueOf(row.get("payloadtype"))
                        .replace("org.strongcities.fund.domain.api.", "")).append('=').append(row.get("n")));
        System.out.println(line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
