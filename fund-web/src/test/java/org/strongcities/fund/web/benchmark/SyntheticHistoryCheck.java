package org.strongcities.fund.web.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.EditReviewCommand;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.LapseApplicationCommand;
import org.strongcities.fund.domain.api.LiftReportHoldCommand;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.ReopenDecisionCommand;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;
import org.strongcities.fund.web.FundApplication;
import org.strongcities.fund.web.audit.AuditChainVerifier;
import org.strongcities.fund.web.audit.ChainVerification;
import org.strongcities.fund.web.benchmark.SyntheticHistory.CaseState;
import org.strongcities.fund.web.benchmark.SyntheticHistory.LedgerFigures;
import org.strongcities.fund.web.benchmark.SyntheticHistory.Loaded;
import org.strongcities.fund.web.finance.ContributionBalance;
import org.strongcities.fund.web.finance.LedgerQueries;
import org.strongcities.fund.web.platform.EmbeddedDatabase;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves that {@link SyntheticHistory} writes what the real application would have written: the real
 * application on an embedded PostgreSQL (as the benchmark starts it), a small history loaded, then
 * <ol>
 * <li>the store: every stream contiguous from 0, in time order, the bulk in global time order, the count as reported;</li>
 * <li>the read models the tracking projections build from it: every application with its expected status, every
 *     award, and every contribution's balances equal to the generator's ledger, never negative;</li>
 * <li>the audit chain holds over all of it;</li>
 * <li>for cases in every state, real commands through the command gateway, which make the real aggregates replay
 *     the synthetic streams and accept or refuse according to the state (refusals with the rule's own message);</li>
 * <li>the audit chain still holds after the commands.</li>
 * </ol>
 * Not part of any build profile; run it on its own:
 * {@code ./mvnw -B -o -pl fund-web -am verify -Dtest=SyntheticHistoryCheck -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m}
 * (sizes: -Dsynthetic.cities, -Dsynthetic.donors, -Dsynthetic.applications; defaults 50, 3, 300).
 */
class SyntheticHistoryCheck {

    private static final long SEED = 20_261_125L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private CommandGateway commands;
    private final List<String> report = new ArrayList<>();

    @Test
    void syntheticStreamsAreWhatTheAggregatesExpect() throws Exception {
        int cities = Integer.getInteger("synthetic.cities", 50);
        int donors = Integer.getInteger("synthetic.donors", 3);
        int applications = Integer.getInteger("synthetic.applications", 300);
        Path data = Files.createTempDirectory("fund-synthetic-");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0);
             ConfigurableApplicationContext started = new SpringApplicationBuilder(FundApplication.class).run(
                     "--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + database.jdbcUrl(),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=", "--fund.demo=true",
                     "--logging.level.root=WARN")) {
            app = started;
            jdbc = app.getBean(JdbcTemplate.class);
            commands = app.getBean(CommandGateway.class);

            Loaded loaded = SyntheticHistory.load(app, cities, donors, applications, SEED);
            System.out.println(loaded);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("Heap after load and a GC: %d MB used of %d MB max%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
            for (CaseState state : CaseState.values()) {
                assertThat(loaded.applicationsPerState().get(state)).as("cases in state " + state).isPositive();
            }

            checkStore(loaded);
            long caughtUp = awaitProjections();
            System.out.printf("Projections caught up %.1f s after the load%n", caughtUp / 1e3);
            checkApplications(applications);
            checkAwardsAndLedger(loaded);
            ChainVerification chain = app.getBean(AuditChainVerifier.class).verify();
            assertThat(chain.holds()).as("audit chain after the load: " + chain.firstBreak()).isTrue();
            report.add("audit chain holds over " + chain.eventsChecked() + " events");

            realCommands(loaded);

            awaitProjections();
            ChainVerification after = app.getBean(AuditChainVerifier.class).verify();
            assertThat(after.holds()).as("audit chain after the real commands: " + after.firstBreak()).isTrue();
            report.add("audit chain holds over " + after.eventsChecked() + " events after the real commands");
            System.out.println("Checked:\n  " + String.join("\n  ", report));
        }
    }

    // ---- The store -------------------------------------------------------------------------------

    private static final String SYNTHETIC = "(aggregateidentifier LIKE 'syn-%' OR aggregateidentifier LIKE 'review-syn-%')";

    private void checkStore(Loaded loaded) {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE " + SYNTHETIC, Long.class);
        assertThat(stored).as("events stored for synthetic aggregates").isEqualTo(loaded.events() + loaded.referenceCommands());
        long broken = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT aggregateidentifier, count(*) AS n, min(sequencenumber) AS low,
                                             max(sequencenumber) AS high, count(DISTINCT type) AS types
                                        FROM domainevententry WHERE""" + SYNTHETIC + """
                                       GROUP BY aggregateidentifier) s
                 WHERE low <> 0 OR high <> n - 1 OR types <> 1""", Long.class);
        assertThat(broken).as("streams that do not run 0, 1, 2 ... under one aggregate type").isZero();
        long backwards = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT "timestamp"::timestamptz AS t,
                                             lag("timestamp"::timestamptz) OVER (PARTITION BY aggregateidentifier
                                                                                  ORDER BY sequencenumber) AS previous
                                        FROM domainevententry WHERE""" + SYNTHETIC + """
                                      ) s WHERE previous > t""", Long.class);
        assertThat(backwards).as("events dated before the previous event of their stream").isZero();
        long outOfOrder = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT "timestamp"::timestamptz AS t,
                                             lag("timestamp"::timestamptz) OVER (ORDER BY globalindex) AS previous
                                        FROM domainevententry WHERE""" + SYNTHETIC + """
                                         AND payloadtype NOT LIKE '%.MemberCityRegisteredEvent'
                                         AND payloadtype NOT LIKE '%.DonorRegisteredEvent'
                                         AND payloadtype NOT LIKE '%.ContributionAgreementSignedEvent'
                                         AND payloadtype NOT LIKE '%.ReceiptRecordedEvent') s
                 WHERE previous > t""", Long.class);
        assertThat(outOfOrder).as("bulk events stored before an earlier-dated one").isZero();
        Map<String, Object> span = jdbc.queryForMap("SELECT min(\"timestamp\"::timestamptz) AS first, max(\"timestamp\"::timestamptz) "
                + "AS last FROM domainevententry WHERE " + SYNTHETIC);
        report.add(stored + " synthetic events (" + loaded.events() + " appended, " + loaded.referenceCommands()
                + " from reference commands): streams contiguous from 0, each in time order, the bulk in global time order; dated "
                + span.get("first") + " to " + span.get("last"));
        String metadata = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE "
                + "aggregateidentifier LIKE 'syn-app-%' ORDER BY globalindex LIMIT 1", String.class);
        assertThat(metadata).contains("\"actor\"", "\"actorRole\"", "\"correlationId\"", "\"traceId\"");
    }

    /** Waits until the tracking projections have handled every stored event; returns the milliseconds it took. */
    private long awaitProjections() {
        long started = System.currentTimeMillis();
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        long newest = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        for (String group : List.of("cases", "ledger")) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            while (processor.processingStatus().isEmpty() || !processor.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= newest)) {
                if (System.nanoTime() > deadline) {
                    fail("Projection " + group + " did not catch up with global index " + newest);
                }
                sleep(100);
            }
        }
        return System.currentTimeMillis() - started;
    }

    // ---- Read models -----------------------------------------------------------------------------

    private void checkApplications(int applications) {
        Map<String, String> statuses = new HashMap<>();
        jdbc.query("SELECT application_id, status FROM rm_application WHERE application_id LIKE 'syn-app-%'",
                rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        assertThat(statuses).as("synthetic applications in the cases read model").hasSize(applications);
        Map<ApplicationStatus, Integer> perStatus = new HashMap<>();
        for (int i = 0; i < applications; i++) {
            ApplicationStatus expected = SyntheticHistory.plannedStatus(SEED, i);
            assertThat(statuses.get(SyntheticHistory.applicationId(i))).as("status of " + SyntheticHistory.applicationId(i)
                    + " (" + SyntheticHistory.plannedState(SEED, i) + ")").isEqualTo(expected.name());
            perStatus.merge(expected, 1, Integer::sum);
        }
        assertThat(perStatus.keySet()).as("every application status").containsAll(EnumSet.allOf(ApplicationStatus.class));
        report.add("cases read model: all " + applications + " applications with their expected status " + perStatus);
    }

    private void checkAwardsAndLedger(Loaded loaded) {
        int awards = 0;
        int closed = 0;
        for (CaseState state : CaseState.values()) {
            awards += state.awarded() ? loaded.applicationsPerState().get(state) : 0;
            closed += state.closed() ? loaded.applicationsPerState().get(state) : 0;
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_award WHERE award_id LIKE 'syn-award-%'", Integer.class))
                .as("synthetic awards").isEqualTo(awards);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_award WHERE award_id LIKE 'syn-award-%' AND status = 'CLOSED'",
                Integer.class)).as("closed synthetic awards").isEqualTo(closed);

        Map<String, ContributionBalance> balances = new HashMap<>();
        for (ContributionBalance balance : app.getBean(LedgerQueries.class).balances()) {
            balances.put(balance.contributionId(), balance);
        }
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        for (Map.Entry<String, LedgerFigures> expected : loaded.ledger().entrySet()) {
            ContributionBalance balance = balances.get(expected.getKey());
            assertThat(balance).as("balance of " + expected.getKey()).isNotNull();
            LedgerFigures figures = expected.getValue();
            assertThat(balance.received()).as(expected.getKey() + " received").isEqualByComparingTo(figures.received());
            assertThat(balance.committed()).as(expected.getKey() + " committed").isEqualByComparingTo(figures.committed());
            assertThat(balance.disbursed()).as(expected.getKey() + " disbursed").isEqualByComparingTo(figures.disbursed());
            assertThat(balance.refunded()).as(expected.getKey() + " refunded").isEqualByComparingTo(figures.refunded());
            assertThat(balance.available().signum()).as(expected.getKey() + " available").isNotNegative();
            assertThat(balance.undrawn().signum()).as(expected.getKey() + " committed and not paid").isNotNegative();
            assertThat(balance.netPaid().signum()).as(expected.getKey() + " paid out net").isNotNegative();
            assertThat(balance.outstanding().signum()).as(expected.getKey() + " pledge outstanding").isNotNegative();
            disbursed = disbursed.add(balance.disbursed());
            refunded = refunded.add(balance.refunded());
            committed = committed.add(balance.committed());
        }
        Map<String, Object> awardSums = jdbc.queryForMap("SELECT coalesce(sum(paid_usd), 0) AS paid, coalesce(sum(refunded_usd), 0) "
                + "AS refunded FROM rm_award WHERE award_id LIKE 'syn-award-%'");
        assertThat((BigDecimal) awardSums.get("paid")).as("paid on awards = disbursed by contributions").isEqualByComparingTo(disbursed);
        assertThat((BigDecimal) awardSums.get("refunded")).as("refunded on awards = credited to contributions")
                .isEqualByComparingTo(refunded);
        // What is committed is what open awards still hold plus what closed awards kept (paid net of refunds).
        BigDecimal held = jdbc.queryForObject("""
                SELECT coalesce(sum(CASE a.status WHEN 'CLOSED' THEN a.paid_usd - a.refunded_usd
                                                  ELSE f.funded - a.refunded_usd END), 0)
                  FROM rm_award a JOIN (SELECT award_id, sum(amount_usd) AS funded FROM rm_award_funding GROUP BY award_id) f
                    ON f.award_id = a.award_id
                 WHERE a.award_id LIKE 'syn-award-%'""", BigDecimal.class);
        assertThat(held).as("committed on contributions = held by awards").isEqualByComparingTo(committed);
        report.add("ledger: " + loaded.ledger().size() + " contributions equal to the generator's ledger, none negative; "
                + "awards paid " + disbursed + " = disbursed, refunded " + refunded + " = credited, committed " + committed
                + " = held by awards; " + awards + " awards (" + closed + " closed)");
    }

    // ---- Real commands ---------------------------------------------------------------------------

    private void realCommands(Loaded loaded) throws Exception {
        Map<CaseState, List<String>> examples = loaded.examples();
        for (CaseState state : CaseState.values()) {
            String app = examples.get(state).get(0);
            String award = app.replace(SyntheticHistory.APPLICATION_PREFIX, SyntheticHistory.AWARD_PREFIX);
            String focal = actor(app, "ApplicationDraftCreatedEvent");
            String city = payload(app, "ApplicationDraftCreatedEvent").get("cityId").asText();
            switch (state) {
                case DRAFT -> accepted(state, new WithdrawApplicationCommand(app, "The city chose another approach.", focal));
                case SUBMITTED_AWAITING_ELIGIBILITY -> refused(state, new StartHubReviewCommand(app, "system"),
                        "needs an eligibility check before the hub review");
                case INELIGIBLE -> refused(state, new StartHubReviewCommand(app, "system"), "it is ineligible");
                case UNDER_HUB_REVIEW -> accepted(state, new StartCentralReviewCommand(app, "system"));
                case HUB_REVISION_REQUESTED -> accepted(state, new LapseApplicationCommand(app, "No revision came in time.", "system"));
                case RESUBMITTED_UNDER_HUB_REVIEW -> {
                    accepted(state, new RequestRevisionCommand(app, "Please add the partners' letters.", hubReviewer(app)));
                    JsonNode revision = payload(app, "RevisionRequestedEvent");
                    assertThat(revision.get("version").asInt()).as("version of the resubmitted application").isEqualTo(2);
                    assertThat(revision.get("stage").asText()).isEqualTo("HUB");
                }
                case UNDER_CENTRAL_REVIEW -> {
                    refused(state, new DecideApplicationCommand(app, DecisionType.DECLINE, null, null, "Not this year.", null, false,
                            focal), "Four eyes");
                    accepted(state, new DecideApplicationCommand(app, DecisionType.DECLINE, null, null, "Not this year.", null,
                            false, "central.reviewer"));
                }
                case CENTRAL_REVISION_REQUESTED -> accepted(state, new WithdrawApplicationCommand(app, "Withdrawn by the city.", focal));
                case RESUBMITTED_UNDER_CENTRAL_REVIEW -> {
                    accepted(state, new RequestRevisionCommand(app, "Please detail the budget.", "central.reviewer"));
                    JsonNode revision = payload(app, "RevisionRequestedEvent");
                    assertThat(revision.get("version").asInt()).isEqualTo(2);
                    assertThat(revision.get("stage").asText()).isEqualTo("CENTRAL");
                }
                case AWAITING_SECOND_APPROVAL -> {
                    String decider = actor(app, "ApplicationDecidedEvent");
                    refused(state, new ConfirmDecisionCommand(app, decider), "Four eyes");
                    accepted(state, new ConfirmDecisionCommand(app, otherCentral(decider)));
                }
                // The synthetic history is appended below the processes, so a synthetic case has no review in
                // Camunda's history for a reopened decision to follow: the aggregate accepts (it replayed the stream),
                // then the process bridge refuses, and the whole command rolls back.
                case DECLINED -> refused(state, new ReopenDecisionCommand(app, "New evidence from the city.",
                                otherCentral(actor(app, "ApplicationDecidedEvent"))), "no review of it has ended");
                case DECISION_REOPENED -> accepted(state, new DecideApplicationCommand(app, DecisionType.DECLINE, null, null,
                        "Declined again after a second look.", null, false, "central.approver"));
                case WITHDRAWN -> refused(state, new WithdrawApplicationCommand(app, "Again.", focal), "it is withdrawn");
                case LAPSED -> refused(state, new SaveApplicationDraftCommand(app, null, focal), "it is lapsed");
                case APPROVED_AWAITING_AWARD -> makeAward(state, app, award, city);
                case AWARDED -> refused(state, new ApproveTrancheCommand(award, "t1", "finance.approver"),
                        "only a requested tranche can be approved");
                case TRANCHE_REQUESTED -> {
                    String requester = actor(award, "TrancheRequestedEvent");
                    refused(state, new ApproveTrancheCommand(award, "t1", requester), "Four eyes");
                    accepted(state, new ApproveTrancheCommand(award, "t1", "finance.approver"));
                }
                case TRANCHE_APPROVED -> {
                    String approver = actor(award, "TrancheApprovedEvent");
                    RecordTranchePaymentCommand payment = new RecordTranchePaymentCommand(award, "t1", "CHECK-" + award,
                            LocalDate.now(), null, approver);
                    refused(state, payment, "Four eyes");
                    String payer = "syn.finance.officer.2";
                    payment = new RecordTranchePaymentCommand(award, "t1", "CHECK-" + award, LocalDate.now(), null, payer);
                    if (heldReports(city).isEmpty()) {
                        accepted(state, payment);
                    } else {
                        refused(state, payment, "has overdue reports");
                    }
                }
                case FIRST_TRANCHE_PAID -> {
                    refused(state, new RecordTranchePaymentCommand(award, "t2", "CHECK-" + award, LocalDate.now(), null,
                            "finance.officer"), "only an approved tranche is paid");
                    int cityEvents = events(city);
                    if (markR1Overdue(state, award)) {
                        assertThat(events(city)).as("the city holds payments after the report is marked overdue").isEqualTo(cityEvents + 1);
                    }
                }
                case REPORT_SUBMITTED -> {
                    String author = actor(award, "ReportSubmittedEvent");
                    refused(state, new AcceptReportCommand(award, "r1", author), "Four eyes");
                    accepted(state, new AcceptReportCommand(award, "r1", hubReviewer(app)));
                }
                case REPORT_REJECTED -> {
                    refused(state, new AcceptReportCommand(award, "r1", hubReviewer(app)), "only a submitted report is reviewed");
                    markR1Overdue(state, award);
                }
                case REPORT_ACCEPTED -> refused(state, new CloseOutAwardCommand(award, "finance.officer"),
                        "the final report must be accepted first");
                case SECOND_TRANCHE_PAID -> refused(state, new RequestTrancheCommand(award, "t2", "finance.officer"), "is already paid");
                case FINAL_REPORT_SUBMITTED -> accepted(state, new RejectReportCommand(award, finalReport(award),
                        "Please add the results against the indicators.", hubReviewer(app)));
                case REPORT_OVERDUE -> {
                    refused(state, new AcceptReportCommand(award, "r1", hubReviewer(app)), "only a submitted report is reviewed");
                    assertThat(heldReports(city)).as("the overdue report holds payments to " + city).contains(award + "/r1");
                    liftHold(state, city, award);
                }
                case OVERDUE_REPORT_ACCEPTED -> {
                    refused(state, new MarkReportOverdueCommand(award, "r1", "system"), "is accepted, not due");
                    liftHold(state, city, award);
                }
                case AMENDMENT_PROPOSED -> {
                    String proposer = actor(award, "AmendmentProposedEvent");
                    refused(state, new ApproveAmendmentCommand(award, "amendment-1", proposer), "Four eyes");
                    accepted(state, new ApproveAmendmentCommand(award, "amendment-1", "central.reviewer"));
                }
                case AMENDED -> refused(state, new ProposeAmendmentCommand(award, "amendment-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(LocalDate.now().plusYears(1)), "Again.", "finance.officer"), "already exists");
                case AMENDMENT_REJECTED -> refused(state, new ApproveAmendmentCommand(award, "amendment-1", "central.reviewer"),
                        "awaiting approval");
                case CLOSED -> refused(state, new RequestTrancheCommand(award, "t1", "finance.officer"), "is closed");
                case CLOSED_UNDERSPENT -> refused(state, new CloseOutAwardCommand(award, "finance.officer"), "is closed");
                case CLOSED_WITH_REFUND -> refused(state, new RecordRefundCommand(award, "refund-" + award + "-1", Money.usd("1"),
                        "Again.", "finance.officer"), "already recorded");
            }
        }
        reviews(examples);
        contribution(loaded);
    }

    /** The Review streams: a declared review can be written, a recused one cannot, a written one is edited. */
    private void reviews(Map<CaseState, List<String>> examples) {
        List<Map<String, Object>> open = jdbc.queryForList("""
                SELECT aggregateidentifier, convert_from(payload, 'UTF8') AS payload FROM domainevententry e
                 WHERE aggregateidentifier LIKE 'review-syn-%' AND sequencenumber = 0 AND convert_from(payload, 'UTF8') LIKE '%"hasConflict":false%'
                   AND NOT EXISTS (SELECT 1 FROM domainevententry n WHERE n.aggregateidentifier = e.aggregateidentifier
                                                                     AND n.sequencenumber = 1)
                 LIMIT 1""");
        String reviewId = (String) open.get(0).get("aggregateidentifier");
        String reviewer = reviewerOf(reviewId);
        accepted(null, new SubmitReviewCommand(reviewId, scores(), Recommendation.FUND_IN_FULL, "Sound plan.", null, reviewer));
        refused(null, new SubmitReviewCommand(reviewId, scores(), Recommendation.FUND_IN_FULL, "Sound plan.", null, reviewer),
                "already submitted");
        accepted(null, new EditReviewCommand(reviewId, scores(), Recommendation.FUND_PARTIALLY, "Sound plan, smaller budget.", null,
                "Second look at the budget", reviewer));
        String recused = jdbc.queryForObject("SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier LIKE "
                + "'review-syn-%' AND payloadtype LIKE '%.ReviewerRecusedEvent' LIMIT 1", String.class);
        refused(null, new SubmitReviewCommand(recused, scores(), Recommendation.DECLINE, "No.", null, reviewerOf(recused)), "is recused");
        report.add("Review streams: a declared review accepts its review, then refuses a second one and accepts an edit; "
                + "a recused reviewer is refused");
    }

    /** A Contribution stream: its receipts are known (a repeated id is refused), a new receipt within the pledge is taken. */
    private void contribution(Loaded loaded) {
        String contribution = loaded.ledger().keySet().iterator().next();
        JsonNode signed = payload(contribution, "ContributionAgreementSignedEvent");
        String currency = signed.get("pledged").get("currency").asText();
        Money small = new Money(new BigDecimal("1000"), currency);
        LocalDate today = LocalDate.now();
        Conversion conversion = small.isUsd() ? Conversion.none(small, today)
                : Conversion.of(small, Money.USD, new BigDecimal("0.5"), "ECB reference rate", today);
        refused(null, new RecordReceiptCommand(contribution, "receipt-" + contribution + "-1", small, conversion, today,
                "finance.officer"), "already recorded");
        accepted(null, new RecordReceiptCommand(contribution, "receipt-" + contribution + "-check", small, conversion, today,
                "finance.officer"));
        report.add("Contribution stream " + contribution + ": a known receipt id is refused, a new receipt within the pledge taken");
    }

    /**
     * A real award for an approved application: the Application replays (above the approved amount is refused),
     * then the award commits money on a contribution, whose whole stream the real aggregate replays.
     */
    private void makeAward(CaseState state, String app, String award, String city) {
        JsonNode decided = payload(app, "ApplicationDecidedEvent");
        Money approved = Money.usd(decided.get("approvedAmount").get("amount").asText());
        JsonNode content = latestContent(app);
        Set<StrategicPriority> priorities = new LinkedHashSet<>();
        content.get("priorities").forEach(p -> priorities.add(StrategicPriority.valueOf(p.asText())));
        SupportType supportType = SupportType.valueOf(content.get("supportType").asText());
        Region region = Region.valueOf(payload(city, "MemberCityRegisteredEvent").get("region").asText());
        String contribution = jdbc.queryForObject("""
                SELECT c.contribution_id FROM rm_contribution c JOIN rm_ledger_entry l ON l.contribution_id = c.contribution_id
                 WHERE c.contribution_id LIKE 'syn-contribution-%' AND c.earmark_kind = 'UNRESTRICTED'
                 GROUP BY c.contribution_id
                 ORDER BY sum(CASE l.entry_kind WHEN 'RECEIVED' THEN l.amount_usd WHEN 'COMMITTED' THEN -l.amount_usd
                                                WHEN 'RELEASED' THEN l.amount_usd WHEN 'REFUNDED' THEN l.amount_usd ELSE 0 END) DESC
                 LIMIT 1""", String.class);
        LocalDate today = LocalDate.now();
        Money more = approved.plus(Money.usd("1"));
        refused(state, award(award, app, city, region, priorities, supportType, more, contribution, today), "exceeds the");
        accepted(state, award(award, app, city, region, priorities, supportType, approved, contribution, today));
        report.add("real award " + award + " of " + approved + " committed on " + contribution);
    }

    private static MakeAwardCommand award(String award, String app, String city, Region region, Set<StrategicPriority> priorities,
                                          SupportType supportType, Money amount, String contribution, LocalDate today) {
        return new MakeAwardCommand(award, app, city, region, priorities, supportType, null, amount,
                List.of(new BudgetLine("Delivery", amount)), List.of(new TrancheSchedule("t1", amount, today.plusDays(30), null)),
                List.of(new ReportingObligation("r1", ReportKind.FINAL, today.plusMonths(6))), null, today.plusMonths(6),
                List.of(new FundingAllocation(contribution, amount)), "finance.officer");
    }

    /** Lifting the r1 hold stores an event exactly when the city aggregate holds r1, as its stream says. */
    private void liftHold(CaseState state, String city, String award) {
        boolean held = heldReports(city).contains(award + "/r1");
        int before = events(city);
        accepted(state, new LiftReportHoldCommand(city, award, "r1", "admin"));
        assertThat(events(city) - before).as("hold lifted on " + city).isEqualTo(held ? 1 : 0);
    }

    private void accepted(CaseState state, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (Exception e) {
            fail((state == null ? "" : state + ": ") + command.getClass().getSimpleName() + " was refused: " + messages(e), e);
        }
        report.add((state == null ? "" : state + ": ") + "accepted " + describe(command));
    }

    private void refused(CaseState state, Object command, String expected) {
        try {
            commands.sendAndWait(command);
        } catch (Exception e) {
            assertThat(messages(e)).as((state == null ? "" : state + ": ") + "refusal of " + command.getClass().getSimpleName())
                    .contains(expected);
            report.add((state == null ? "" : state + ": ") + "refused " + describe(command) + ": \"" + firstMessage(e) + "\"");
            return;
        }
        fail((state == null ? "" : state + ": ") + command.getClass().getSimpleName() + " was accepted but should be refused ("
                + expected + ")");
    }

    // ---- Reading the store -----------------------------------------------------------------------

    /**
     * Marks r1 overdue when its due date has passed, as the award process's timer would; before that the
     * domain refuses it. Says whether it was marked.
     */
    private boolean markR1Overdue(CaseState state, String award) {
        JsonNode due = payload(award, "AwardMadeEvent").at("/reportingObligations/0/dueDate");
        LocalDate dueDate = due.isArray() ? LocalDate.of(due.get(0).asInt(), due.get(1).asInt(), due.get(2).asInt())
                : LocalDate.parse(due.asText());
        MarkReportOverdueCommand overdue = new MarkReportOverdueCommand(award, "r1", "system");
        if (LocalDate.now(java.time.ZoneOffset.UTC).isAfter(dueDate)) {
            accepted(state, overdue);
            return true;
        }
        refused(state, overdue, "is overdue only from");
        return false;
    }

    private String actor(String aggregateId, String eventType) {
        return jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::json->>'actor' FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber DESC LIMIT 1", String.class,
                aggregateId, "%." + eventType);
    }

    private JsonNode payload(String aggregateId, String eventType) {
        String json = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber DESC LIMIT 1", String.class,
                aggregateId, "%." + eventType);
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode latestContent(String app) {
        String json = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND (payloadtype LIKE '%.ApplicationSubmittedEvent' OR payloadtype LIKE '%.ApplicationResubmittedEvent') "
                + "ORDER BY sequencenumber DESC LIMIT 1", String.class, app);
        try {
            return JSON.readTree(json).get("content");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report ids a city holds, replayed from its stream (placed minus lifted). */
    /** The city's held reports as award/report: a city may hold report r1 of several awards. */
    private Set<String> heldReports(String city) {
        Set<String> held = new LinkedHashSet<>();
        jdbc.query("SELECT payloadtype, convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", rs -> {
            String type = rs.getString(1);
            String reportId;
            try {
                JsonNode hold = type.endsWith("HoldPlacedEvent") || type.endsWith("HoldLiftedEvent")
                        ? JSON.readTree(rs.getString(2)) : null;
                reportId = hold == null ? null : hold.get("awardId").asText() + "/" + hold.get("reportId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (type.endsWith("ReportHoldPlacedEvent")) {
                held.add(reportId);
            } else if (type.endsWith("ReportHoldLiftedEvent")) {
                held.remove(reportId);
            }
        }, city);
        return held;
    }

    private int events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, aggregateId);
    }

    private String finalReport(String award) {
        for (JsonNode obligation : payload(award, "AwardMadeEvent").get("reportingObligations")) {
            if ("FINAL".equals(obligation.get("kind").asText())) {
                return obligation.get("reportId").asText();
            }
        }
        throw new IllegalStateException("Award " + award + " has no final report");
    }

    private String hubReviewer(String app) {
        String reviewId = jdbc.queryForObject("SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier LIKE ? "
                + "AND payloadtype LIKE '%.ConflictOfInterestDeclaredEvent' AND convert_from(payload, 'UTF8') LIKE '%\"hasConflict\":false%' "
                + "ORDER BY globalindex LIMIT 1", String.class, "review-" + app + "-v%-hub-%");
        return reviewerOf(reviewId);
    }

    private String reviewerOf(String reviewId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::json->>'reviewer' FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, reviewId);
    }

    private static String otherCentral(String decider) {
        return Arrays.stream(new String[]{"central.reviewer", "central.approver", "syn.central.1"})
                .filter(name -> !name.equals(decider)).findFirst().orElseThrow();
    }

    private static List<CriterionScore> scores() {
        return Arrays.stream(ReviewCriterion.values()).map(criterion -> new CriterionScore(criterion, 4)).toList();
    }

    private static String describe(Object command) {
        String text = command.toString();
        return text.length() > 140 ? text.substring(0, 140) + "…" : text;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static String firstMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() != null && !t.getMessage().isBlank() && t.getCause().getMessage() != null
                && t.getMessage().contains(t.getCause().getMessage())) {
            t = t.getCause();
        }
        return t.getMessage();
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
