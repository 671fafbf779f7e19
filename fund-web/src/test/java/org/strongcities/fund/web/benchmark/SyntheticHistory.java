package org.strongcities.fund.web.benchmark;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AmendmentRejectedEvent;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationDecidedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftCreatedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationEligibilityRecordedEvent;
import org.strongcities.fund.domain.api.ApplicationLapsedEvent;
import org.strongcities.fund.domain.api.ApplicationResubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.AwardClosedEvent;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.AwardRecordedOnApplicationEvent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConflictOfInterestDeclaredEvent;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.EarmarkKind;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.FundsCommittedEvent;
import org.strongcities.fund.domain.api.FundsDisbursedEvent;
import org.strongcities.fund.domain.api.FundsReleasedEvent;
import org.strongcities.fund.domain.api.HubReviewStartedEvent;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.IndicatorResult;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.RefundCreditedEvent;
import org.strongcities.fund.domain.api.RefundRecordedEvent;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.ReportAcceptedEvent;
import org.strongcities.fund.domain.api.ReportHoldLiftedEvent;
import org.strongcities.fund.domain.api.ReportHoldPlacedEvent;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportMarkedOverdueEvent;
import org.strongcities.fund.domain.api.ReportRejectedEvent;
import org.strongcities.fund.domain.api.ReportSubmittedEvent;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.ReviewSubmittedEvent;
import org.strongcities.fund.domain.api.ReviewerRecusedEvent;
import org.strongcities.fund.domain.api.RevisionRequestedEvent;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheApprovedEvent;
import org.strongcities.fund.domain.api.TranchePaidEvent;
import org.strongcities.fund.domain.api.TrancheRequestedEvent;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.policy.ApplicationCompleteness;
import org.strongcities.fund.domain.policy.AwardTerms;
import org.strongcities.fund.domain.policy.ContributionLimits;
import org.strongcities.fund.domain.policy.DecisionPolicy;
import org.strongcities.fund.domain.policy.EarmarkPolicy;
import org.strongcities.fund.domain.policy.FundingPolicy;
import org.strongcities.fund.process.application.LapseApplicationDelegate;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.platform.ActorMetaData;
import org.strongcities.fund.web.readmodel.DirectoryProjection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a synthetic Network of full benchmark size in minutes instead of hours, by appending valid
 * event streams straight to the event store in large transactions.
 *
 * <h2>What is real</h2>
 * <ul>
 * <li><b>Reference data</b> (member cities, donors, contribution agreements and their receipts) is created
 *     by the real commands through the {@link CommandGateway}, one after another, so the real aggregates check
 *     it and the subscribing directory projection and process bridge see it as usual. Only its timestamps are
 *     set back to the first weeks of the synthetic history, through Axon's own hook {@link GenericEventMessage#clock}
 *     (a clock that answers with the history time on the loading thread only; every other thread keeps the
 *     real time).</li>
 * <li><b>Applications, reviews, awards and their ledger movements</b> are appended as
 *     {@link GenericDomainEventMessage}s through the application's {@link EventStorageEngine} bean, about 2,000
 *     events per transaction, each transaction one durable commit. Each case follows one path of the real workflow, and its events are the exact
 *     ones the aggregates (Application, Review, Award, Contribution, MemberCity) and the cross-aggregate
 *     handlers (ApplicationIntake, AwardFunding, TranchePayments, ReportHolds) apply for that path, in their
 *     order, with contiguous per-aggregate sequence numbers, the aggregate type Axon stores (the simple class
 *     name) and the metadata the application stamps (actor, actorRole, correlationId and traceId, one id per
 *     command). The generator mirrors the aggregates' rules while it writes (contributions never commit more
 *     than they received, never pay out more than they committed; four-eyes roles are different people;
 *     awards use the domain's own policies for terms, earmarks and draws) and fails loudly if it would break
 *     one. SyntheticHistoryCheck proves the streams by sending real commands to every kind of case.</li>
 * <li><b>Time</b>: the whole history (about 34 months, ending at the start of today, UTC) is generated in one
 *     global time order (a priority queue of the cases in flight), so global index order is time order,
 *     every aggregate's stream is in time order, and balances as of any past date add up. A case that is
 *     still in flight stopped at a step whose next step would fall after the end of the history.</li>
 * <li><b>Read models</b>: the tracking projections ({@code cases}, {@code ledger}) read these events from the
 *     store like any others. They are stopped during the load and started again at its end, and then catch up
 *     (see {@link #load} for why); a caller that needs the read models waits for them. The subscribing directory
 *     projection is handed the MemberCity events (payment holds) in the same transaction, as the subscribing
 *     processor would have done.</li>
 * <li><b>Audit chain</b>: the database trigger queues every appended event and the application's sealer links
 *     it after commit, as for any other (V29).</li>
 * </ul>
 *
 * <h2>What is not real</h2>
 * <ul>
 * <li>No Camunda process instances, tasks, timers or history exist for the bulk cases: the event bus is
 *     bypassed on purpose, so the process bridge never sees them. Task lists therefore show only the cases the
 *     command-driven part of the benchmark (and the demo) creates. A real command on a bulk case that the
 *     process bridge must correlate strictly (resubmitting, requesting a tranche, submitting a report,
 *     proposing an amendment) fails for want of a process; commands that start a process (submitting,
 *     making an award) or need none work as usual.</li>
 * <li>Accounts: the synthetic focal points, reviewers and finance staff named in the events have no login
 *     accounts (the demo accounts named among them do).</li>
 * <li>Overdue reports and payment holds are placed only in cities where no other case is paid, checked for
 *     eligibility or has a report accepted while the hold lasts, so the holds the city aggregates carry never
 *     contradict the payments and eligibility answers in the history.</li>
 * </ul>
 *
 * <p>Speed: the audit chain's sealer links rows one at a time beside the load (V29), about 0.1 ms per event on
 * this machine (V25); generation, inserts and commits run beside each other (see {@link Writer}).
 *
 * <p>Memory: events are generated step by step and written in batches; what stays in memory is two arrays
 * of one entry per application and the small state of the cases in flight (under 40,000 at full scale).
 */
public final class SyntheticHistory {

    public static final String CITY_PREFIX = "syn-city-";
    public static final String DONOR_PREFIX = "syn-donor-";
    public static final String CONTRIBUTION_PREFIX = "syn-contribution-";
    public static final String APPLICATION_PREFIX = "syn-app-";
    public static final String AWARD_PREFIX = "syn-award-";

    /** Events per transaction: large enough that the commit (and its WAL flush) is not the bottleneck. */
    static final int EVENTS_PER_TRANSACTION = 2_000;
    /** A progress line on standard output (as the benchmark prints its table) every so many events. */
    private static final long PROGRESS_EVERY = 200_000;

    private static final long SECOND = 1_000L;
    private static final long DAY = 86_400_000L;

    static final String ELIGIBLE = "Eligible: active member, no overdue reports, aligned with a strategic priority, "
            + "amount within USD 5,000 to 150,000.";
    static final String ABOVE_MAXIMUM = "The requested amount is above the fund's maximum of USD 150,000.";
    static final String BELOW_MINIMUM = "The requested amount is below the fund's minimum of USD 5,000.";

    private static final String[] CENTRAL_TEAM = {"central.reviewer", "central.approver", "syn.central.1", "syn.central.2",
            "syn.central.3"};
    private static final String[] FINANCE_OFFICERS = {"finance.officer", "syn.finance.officer.1", "syn.finance.officer.2"};
    private static final String[] FINANCE_APPROVERS = {"finance.approver", "syn.finance.approver.1"};
    private static final String SYSTEM = ActorMetaData.SYSTEM;

    private SyntheticHistory() {
    }

    // ---- What a caller gets ----------------------------------------------------------------------

    /**
     * Where a case stands at the end of the history. Every status an application can have appears,
     * and every stage of an award. The weights (per 10,000 applications) give the mix.
     */
    public enum CaseState {
        DRAFT(600),
        SUBMITTED_AWAITING_ELIGIBILITY(20),
        INELIGIBLE(350),
        UNDER_HUB_REVIEW(500),
        HUB_REVISION_REQUESTED(150),
        RESUBMITTED_UNDER_HUB_REVIEW(150),
        UNDER_CENTRAL_REVIEW(450),
        CENTRAL_REVISION_REQUESTED(100),
        RESUBMITTED_UNDER_CENTRAL_REVIEW(100),
        AWAITING_SECOND_APPROVAL(80),
        DECLINED(900),
        DECISION_REOPENED(40),
        WITHDRAWN(350),
        LAPSED(200),
        APPROVED_AWAITING_AWARD(250),
        AWARDED(400),
        TRANCHE_REQUESTED(150),
        TRANCHE_APPROVED(150),
        FIRST_TRANCHE_PAID(650),
        REPORT_SUBMITTED(200),
        REPORT_REJECTED(80),
        REPORT_ACCEPTED(150),
        SECOND_TRANCHE_PAID(600),
        FINAL_REPORT_SUBMITTED(200),
        REPORT_OVERDUE(60),
        OVERDUE_REPORT_ACCEPTED(40),
        AMENDMENT_PROPOSED(60),
        AMENDED(150),
        AMENDMENT_REJECTED(40),
        CLOSED(2330),
        CLOSED_UNDERSPENT(300),
        CLOSED_WITH_REFUND(200);

        final int weight;

        CaseState(int weight) {
            this.weight = weight;
        }

        /** True when an award exists for the case. */
        public boolean awarded() {
            return ordinal() >= AWARDED.ordinal();
        }

        public boolean closed() {
            return this == CLOSED || this == CLOSED_UNDERSPENT || this == CLOSED_WITH_REFUND;
        }

        private static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(s -> s.weight).sum();

        static CaseState pick(SplittableRandom rng) {
            int r = rng.nextInt(TOTAL_WEIGHT);
            for (CaseState state : values()) {
                r -= state.weight;
                if (r < 0) {
                    return state;
                }
            }
            throw new IllegalStateException();
        }
    }

    /** The ledger of one synthetic contribution in USD, as the generator left it. */
    public record LedgerFigures(BigDecimal received, BigDecimal committed, BigDecimal disbursed, BigDecimal refunded) {
    }

    /**
     * What was loaded. {@code appendSeconds} and {@code eventsPerSecond} are the bulk append alone;
     * {@code seconds} includes planning and the reference data sent through the commands. {@code examples}
     * holds up to five application ids per state; {@code appendBreakdown} says where the append time went.
     */
    public record Loaded(int cities, int donors, int contributions, int applications, long referenceCommands,
                         long events, Map<CaseState, Integer> applicationsPerState, Map<CaseState, Long> eventsPerState,
                         Map<CaseState, List<String>> examples, Map<String, LedgerFigures> ledger,
                         Instant historyStart, Instant historyEnd, double referenceSeconds, double appendSeconds,
                         double seconds, double eventsPerSecond, String appendBreakdown) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format(
                    "Synthetic history: %d cities, %d donors (%d contributions), %d applications; %d reference commands in %.1f s; "
                            + "%d events appended in %.1f s (%.0f events/s); %.1f s in all; history %s to %s%n",
                    cities, donors, contributions, applications, referenceCommands, referenceSeconds, events, appendSeconds,
                    eventsPerSecond, seconds, historyStart, historyEnd));
            text.append("  ").append(appendBreakdown).append('\n');
            text.append(String.format("  %-34s %8s %10s %8s%n", "state", "cases", "events", "per case"));
            applicationsPerState.forEach((state, count) -> text.append(String.format("  %-34s %8d %10d %8.1f%n", state, count,
                    eventsPerState.get(state), count == 0 ? 0.0 : eventsPerState.get(state) / (double) count)));
            return text.toString();
        }
    }

    /** The status the application of case {@code index} has at the end of a history loaded with {@code seed}. */
    public static ApplicationStatus plannedStatus(long seed, int index) {
        return plan(seed, index, Frame.endingToday()).finalStatus();
    }

    public static CaseState plannedState(long seed, int index) {
        return plan(seed, index, Frame.endingToday()).state;
    }

    public static String applicationId(int index) {
        return APPLICATION_PREFIX + index;
    }

    public static String awardId(int index) {
        return AWARD_PREFIX + index;
    }

    // ---- Loading ---------------------------------------------------------------------------------

    /**
     * Loads the history. Call it while nothing else writes events (the benchmark calls it before its own load):
     * an event another writer commits during the load after a later one of ours may be skipped by the tracking
     * projections (the gap rule below). It is not meant to run twice on one database.
     */
    public static Loaded load(ConfigurableApplicationContext app, int cities, int donors, int applications, long seed) {
        if (cities < 1 || donors < 1 || applications < 0) {
            throw new IllegalArgumentException("Need at least one city and one donor");
        }
        long started = System.nanoTime();
        Frame frame = Frame.endingToday();
        Network network = Network.of(cities, donors);

        // Pass 1: plan every case (cheap: a few dozen random draws each) to know when it starts, which city it
        // belongs to (holds must not contradict payments) and how much money the awards need.
        long[] starts = new long[applications];
        int[] cityOf = new int[applications];
        BigDecimal awardMoney = assignCities(seed, frame, network, starts, cityOf);

        // The tracking projections stop while the history is written and catch up afterwards. Two reasons: on two
        // cores they would take CPU from the load; and Axon's JdbcEventStorageEngine drops a gap in the global
        // index at once when the event after it is older than its gap timeout (60 s), which every event here is,
        // so a projection reading while transactions commit out of index order would skip events for good.
        List<StreamingEventProcessor> stopped = stopTrackingProcessors(app);
        long referenceStarted = System.nanoTime();
        long referenceCommands;
        double referenceSeconds;
        double appendSeconds;
        Simulation simulation;
        Writer writer;
        try {
            // Reference data through the real commands, dated at the start of the history.
            ReferenceData reference = new ReferenceData(app.getBean(CommandGateway.class), frame, network);
            referenceCommands = reference.load(awardMoney);
            referenceSeconds = (System.nanoTime() - referenceStarted) / 1e9;

            // Pass 2: the cases, step by step in global time order, appended in large transactions.
            long appendStarted = System.nanoTime();
            writer = new Writer(app, seed);
            network.readSequenceNumbers(app.getBean(JdbcTemplate.class));
            simulation = new Simulation(seed, frame, network, writer, starts, cityOf);
            try {
                simulation.run();
                writer.finish();
            } finally {
                writer.close();
            }
            appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
        } finally {
            stopped.forEach(StreamingEventProcessor::start);
        }

        Map<String, LedgerFigures> ledger = new LinkedHashMap<>();
        for (Fund fund : network.funds) {
            ledger.put(fund.id, new LedgerFigures(fund.received.amount(), fund.committed.amount(), fund.disbursed.amount(),
                    fund.refunded.amount()));
        }
        return new Loaded(cities, donors, network.funds.size(), applications, referenceCommands, writer.written,
                simulation.casesPerState, simulation.eventsPerState, simulation.examples, ledger, frame.startInstant(), frame.endInstant(),
                referenceSeconds, appendSeconds, (System.nanoTime() - started) / 1e9,
                appendSeconds == 0 ? 0 : writer.written / appendSeconds,
                String.format("append: generator waited %.1f s for the database; inserts %.1f s, commits %.1f s; at most %d cases in flight", writer.waitNanos / 1e9,
                        writer.insertNanos.get() / 1e9, writer.commitNanos.get() / 1e9, simulation.peakInFlight));
    }

    private static List<StreamingEventProcessor> stopTrackingProcessors(ConfigurableApplicationContext app) {
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        app.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> {
                    processor.shutDown();
                    stopped.add(processor);
                });
        return stopped;
    }

    /**
     * Plans every case, chooses its city and returns the money its awards will commit. Cases with an
     * overdue report are placed first, each in a city where its hold overlaps no other hold; then every
     * other case goes to a city where none of its payments or eligibility checks falls inside a hold.
     */
    private static BigDecimal assignCities(long seed, Frame frame, Network network, long[] starts, int[] cityOf) {
        int cities = network.cities.size();
        List<List<long[]>> holds = new ArrayList<>(Collections.nCopies(cities, null));
        List<List<Long>> sensitiveInHeldCities = new ArrayList<>(Collections.nCopies(cities, null));
        BigDecimal money = BigDecimal.ZERO;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < starts.length; i++) {
                Plan plan = plan(seed, i, frame);
                long[] hold = plan.holdWindow();
                if ((hold != null) != (pass == 0)) {
                    continue;
                }
                starts[i] = plan.start;
                money = money.add(plan.committedMoney());
                long[] sensitive = plan.sensitiveTimes();
                SplittableRandom rng = new SplittableRandom(seed ^ (0x5DEECE66DL * (i + 1)));
                int chosen = -1;
                for (int attempt = 0; attempt < 64 + cities && chosen < 0; attempt++) {
                    int c = attempt < 64 ? rng.nextInt(cities) : attempt - 64;
                    if (fits(holds.get(c), sensitiveInHeldCities.get(c), hold, sensitive)) {
                        chosen = c;
                    }
                }
                if (chosen < 0) {
                    throw new IllegalStateException("No city can take case " + i + " (" + plan.state + ") without its payment hold "
                            + "contradicting another case: use more cities or fewer applications");
                }
                cityOf[i] = chosen;
                if (hold != null) {
                    if (holds.get(chosen) == null) {
                        holds.set(chosen, new ArrayList<>());
                        sensitiveInHeldCities.set(chosen, new ArrayList<>());
                    }
                    holds.get(chosen).add(hold);
                    for (long t : sensitive) {
                        sensitiveInHeldCities.get(chosen).add(t);
                    }
                }
            }
        }
        return money;
    }

    private static boolean fits(List<long[]> holdsOfCity, List<Long> sensitiveOfHeldCases, long[] hold, long[] sensitive) {
        if (holdsOfCity == null) {
            return true;
        }
        for (long[] other : holdsOfCity) {
            for (long t : sensitive) {
                if (t >= other[0] && t <= other[1]) {
                    return false;
                }
            }
            if (hold != null && hold[0] <= other[1] && other[0] <= hold[1]) {
                return false;
            }
        }
        if (hold != null) {
            for (long t : sensitiveOfHeldCases) {
                if (t >= hold[0] && t <= hold[1]) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- Time ------------------------------------------------------------------------------------

    /** The history: about 34 months up to the start of today (UTC); cases start after the money arrived. */
    record Frame(long start, long end) {
        static Frame endingToday() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate first = today.minusMonths(34).withDayOfMonth(1);
            return new Frame(first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }

        /** Receipts arrive by day 45; the first case starts after day 50. */
        long firstCase() {
            return start + 50 * DAY;
        }

        Instant startInstant() {
            return Instant.ofEpochMilli(start);
        }

        Instant endInstant() {
            return Instant.ofEpochMilli(end);
        }
    }

    static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    static long startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    // ---- The plan of one case --------------------------------------------------------------------

    /** The steps a case can take; each produces the events of one command (or one process step). */
    enum Kind {
        CREATE, SAVE, SUBMIT, ELIGIBILITY, START_HUB, HUB_DECLARE, HUB_REVIEW, START_CENTRAL_FORWARDED,
        START_CENTRAL_SYSTEM, CENTRAL_DECLARE, CENTRAL_REVIEW, REQUEST_REVISION, RESUBMIT, DECIDE, CONFIRM, REOPEN,
        WITHDRAW, LAPSE, MAKE_AWARD, TRANCHE_REQUEST, TRANCHE_APPROVE, TRANCHE_PAY, REPORT_SUBMIT, REPORT_ACCEPT,
        REPORT_REJECT, REPORT_OVERDUE, AMENDMENT_PROPOSE, AMENDMENT_APPROVE, AMENDMENT_REJECT, REFUND, CLOSE;

        static final Kind[] ALL = values();
    }

    /** HUB_DECLARE: the reviewer declares a conflict and is recused. REQUEST_REVISION: asked by the Central Team. */
    static final int FLAG = 0x80;
    /** SAVE arguments. */
    static final int PARTIAL = 0;
    static final int COMPLETE = 1;
    static final int REVISED = 2;
    /** DECIDE argument: a decline that is reopened later. */
    static final int FIRST_DECLINE = 1;

    /**
     * One case: the knobs drawn for it, its steps with their times relative to its start, and how many of
     * them have happened by the end of the history ({@code cut}). Steps after the cut are the case's future:
     * they give the date the next step would take place (so an in-flight case stops at a plausible point)
     * and the planned dates of its tranches and reports.
     */
    static final class Plan {
        final int index;
        final CaseState state;
        int[] ops = new int[64];
        long[] at = new long[64];
        int size;
        int cut;
        long start;

        // Who: indices into the pools of the city (focal points, hub reviewers) or of the Management Unit.
        int focal;
        int secondFocal;
        int recusedHubReviewer = -1;
        int[] hubReviewers;
        int decider;
        int centralReviewer = -1;
        int confirmer;
        int awardMaker;
        int requester;
        int trancheApprover;
        int payer;
        int reportReviewer;

        // What.
        int supportType;
        int priorities;
        boolean sensitive;
        int saves;
        boolean partialDraft;
        BigDecimal requested;
        DecisionType decision;
        BigDecimal approved;
        boolean secondApproval;
        int tranches;
        boolean r1Rejected;
        boolean r1Overdue;
        boolean skipLastTranche;
        int refundPercent;
        AmendmentKind amendment;
        int amendmentStep = -1;
        long[] trancheAt;
        long[] reportAt;

        Plan(int index, CaseState state) {
            this.index = index;
            this.state = state;
        }

        void add(Kind kind, int arg, long delay) {
            if (size == ops.length) {
                ops = Arrays.copyOf(ops, size * 2);
                at = Arrays.copyOf(at, size * 2);
            }
            long t = size == 0 ? 0 : at[size - 1] + delay;
            ops[size] = kind.ordinal() << 8 | arg;
            at[size] = t;
            size++;
        }

        Kind kind(int op) {
            return Kind.ALL[ops[op] >>> 8];
        }

        int arg(int op) {
            return ops[op] & 0xFF;
        }

        long time(int op) {
            return start + at[op];
        }

        /** Happened steps end after the last step of this kind (and argument, when given). */
        void cutAfterLast(Kind kind, int arg) {
            for (int i = size - 1; i >= 0; i--) {
                if (kind(i) == kind && (arg < 0 || arg(i) == arg)) {
                    cut = i + 1;
                    return;
                }
            }
            throw new IllegalStateException(state + ": no step " + kind + " to stop after");
        }

        void cutAfterFirst(Kind kind, int arg) {
            for (int i = 0; i < size; i++) {
                if (kind(i) == kind && (arg < 0 || arg(i) == arg)) {
                    cut = i + 1;
                    return;
                }
            }
            throw new IllegalStateException(state + ": no step " + kind + " to stop after");
        }

        /** Ends the case at step {@code afterStep} with a last step (withdrawal): nothing follows. */
        void endWith(int afterStep, Kind kind, long delay) {
            size = afterStep;
            add(kind, 0, delay);
            cut = size;
        }

        boolean happened(Kind kind) {
            for (int i = 0; i < cut; i++) {
                if (kind(i) == kind) {
                    return true;
                }
            }
            return false;
        }

        int find(Kind kind, int arg) {
            for (int i = 0; i < size; i++) {
                if (kind(i) == kind && (arg < 0 || arg(i) == arg)) {
                    return i;
                }
            }
            return -1;
        }

        /** The hold an overdue report puts on the city, from marking to acceptance (or open). */
        long[] holdWindow() {
            int overdue = find(Kind.REPORT_OVERDUE, 1);
            if (overdue < 0 || overdue >= cut) {
                return null;
            }
            for (int i = overdue + 1; i < cut; i++) {
                if (kind(i) == Kind.REPORT_ACCEPT && arg(i) == 1) {
                    return new long[]{time(overdue), time(i)};
                }
            }
            return new long[]{time(overdue), Long.MAX_VALUE};
        }

        /**
         * The steps a payment hold on the city must not meet: payments and eligibility checks (which it would
         * have stopped), and report acceptances (MemberCity keys holds by report id alone, so accepting another
         * award's r1 would lift the hold).
         */
        long[] sensitiveTimes() {
            long[] times = new long[cut];
            int n = 0;
            for (int i = 0; i < cut; i++) {
                if (kind(i) == Kind.ELIGIBILITY || kind(i) == Kind.TRANCHE_PAY || kind(i) == Kind.REPORT_ACCEPT) {
                    times[n++] = time(i);
                }
            }
            return Arrays.copyOf(times, n);
        }

        /** USD the case commits on contributions by the end of the history (award and approved increases). */
        BigDecimal committedMoney() {
            BigDecimal money = BigDecimal.ZERO;
            if (happened(Kind.MAKE_AWARD)) {
                money = money.add(approved);
            }
            if (amendment == AmendmentKind.MORE_MONEY && happened(Kind.AMENDMENT_APPROVE)) {
                money = money.add(moreMoney());
            }
            return money;
        }

        BigDecimal moreMoney() {
            return approved.multiply(new BigDecimal("0.15")).setScale(0, RoundingMode.HALF_EVEN);
        }

        ApplicationStatus finalStatus() {
            return switch (state) {
                case DRAFT -> ApplicationStatus.DRAFT;
                case SUBMITTED_AWAITING_ELIGIBILITY -> ApplicationStatus.SUBMITTED;
                case INELIGIBLE -> ApplicationStatus.INELIGIBLE;
                case UNDER_HUB_REVIEW, RESUBMITTED_UNDER_HUB_REVIEW -> ApplicationStatus.UNDER_HUB_REVIEW;
                case HUB_REVISION_REQUESTED, CENTRAL_REVISION_REQUESTED -> ApplicationStatus.REVISION_REQUESTED;
                case UNDER_CENTRAL_REVIEW, RESUBMITTED_UNDER_CENTRAL_REVIEW, AWAITING_SECOND_APPROVAL, DECISION_REOPENED ->
                        ApplicationStatus.UNDER_CENTRAL_REVIEW;
                case DECLINED -> ApplicationStatus.DECLINED;
                case WITHDRAWN -> ApplicationStatus.WITHDRAWN;
                case LAPSED -> ApplicationStatus.LAPSED;
                default -> decision == DecisionType.APPROVE_PARTIALLY ? ApplicationStatus.PARTIALLY_AWARDED
                        : ApplicationStatus.AWARDED;
            };
        }
    }

    private static long days(SplittableRandom rng, double min, double max) {
        return (long) ((min + rng.nextDouble() * (max - min)) * DAY);
    }

    private static long seconds(SplittableRandom rng, double min, double max) {
        return (long) ((min + rng.nextDouble() * (max - min)) * SECOND);
    }

    /**
     * Plans case {@code index}: a pure function of the seed and the index, so both passes (and the check)
     * see the same case. It draws the knobs, writes the whole life the case would have (its future included),
     * cuts it where its state says, and places it in time.
     */
    static Plan plan(long seed, int index, Frame frame) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        // The first cases take every state once, so that even a small history has each of them.
        CaseState picked = CaseState.pick(rng);
        CaseState state = index < CaseState.values().length ? CaseState.values()[index] : picked;
        Plan p = new Plan(index, state);

        // Knobs that do not change the state: who, what, how much, and the small detours of real cases.
        p.focal = rng.nextInt(2);
        p.secondFocal = rng.nextInt(4) == 0 ? 1 - p.focal : p.focal;
        p.hubReviewers = rng.nextInt(10) < 7 ? new int[]{0, 1} : new int[]{rng.nextInt(3)};
        if (p.hubReviewers.length == 2 && rng.nextInt(3) == 0) {
            p.hubReviewers = new int[]{1, 2};
        }
        // Now and then the first reviewer to open the case has a conflict of interest: the fourth hub
        // reviewer, who reviews nothing else, declares it and is recused.
        if (rng.nextInt(20) == 0) {
            p.recusedHubReviewer = 3;
        }
        p.decider = rng.nextInt(CENTRAL_TEAM.length);
        // A second Central Team member reviews about one case in three before the decision.
        p.centralReviewer = rng.nextInt(3) == 0 ? (p.decider + 1 + rng.nextInt(CENTRAL_TEAM.length - 1)) % CENTRAL_TEAM.length : -1;
        p.confirmer = (p.decider + 1 + rng.nextInt(CENTRAL_TEAM.length - 1)) % CENTRAL_TEAM.length;
        p.awardMaker = rng.nextInt(FINANCE_OFFICERS.length);
        p.requester = rng.nextInt(FINANCE_OFFICERS.length);
        p.trancheApprover = rng.nextInt(FINANCE_APPROVERS.length);
        p.payer = rng.nextInt(FINANCE_OFFICERS.length);
        p.reportReviewer = rng.nextInt(3);
        p.supportType = rng.nextInt(SupportType.values().length);
        p.priorities = 1 << rng.nextInt(5);
        if (rng.nextInt(3) == 0) {
            p.priorities |= 1 << rng.nextInt(5);
        }
        p.sensitive = rng.nextInt(20) == 0;
        p.saves = 1 + rng.nextInt(5);
        p.partialDraft = rng.nextBoolean();
        if (state == CaseState.INELIGIBLE) {
            p.requested = rng.nextInt(4) == 0 ? BigDecimal.valueOf(1_000 + 500L * rng.nextInt(8))
                    : BigDecimal.valueOf(155_000 + 5_000L * rng.nextInt(20));
        } else {
            // Most requests are modest; a few are large (above USD 50,000 they need a second approver).
            int band = rng.nextInt(100);
            long dollars = band < 70 ? 5_000 + 500L * rng.nextInt(71) : band < 92 ? 40_000 + 1_000L * rng.nextInt(41)
                    : 80_000 + 5_000L * rng.nextInt(15);
            p.requested = BigDecimal.valueOf(dollars);
        }
        boolean declines = state == CaseState.DECLINED || state == CaseState.DECISION_REOPENED;
        p.decision = declines ? DecisionType.DECLINE
                : rng.nextInt(5) == 0 ? DecisionType.APPROVE_PARTIALLY : DecisionType.APPROVE_IN_FULL;
        if (state == CaseState.DECISION_REOPENED) {
            p.decision = DecisionType.APPROVE_IN_FULL;
        }
        p.approved = p.decision == DecisionType.APPROVE_PARTIALLY
                ? p.requested.multiply(BigDecimal.valueOf(50 + rng.nextInt(40))).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                : p.requested;
        if (state == CaseState.AWAITING_SECOND_APPROVAL && p.approved.compareTo(BigDecimal.valueOf(50_000)) <= 0) {
            // Only large approvals wait for a second approver: make this one large.
            p.requested = BigDecimal.valueOf(60_000 + 5_000L * rng.nextInt(10));
            p.decision = DecisionType.APPROVE_IN_FULL;
            p.approved = p.requested;
        }
        // The routing table: above USD 50,000 a second Central Team approver confirms (central_approval.dmn).
        p.secondApproval = p.decision != DecisionType.DECLINE && p.approved.compareTo(BigDecimal.valueOf(50_000)) > 0;
        p.tranches = p.approved.compareTo(BigDecimal.valueOf(40_000)) > 0 && rng.nextInt(3) > 0 ? 3 : 2;
        p.r1Rejected = state == CaseState.REPORT_REJECTED || (state.ordinal() > CaseState.REPORT_REJECTED.ordinal()
                && state != CaseState.OVERDUE_REPORT_ACCEPTED && rng.nextInt(10) == 0);
        p.r1Overdue = state == CaseState.REPORT_OVERDUE || state == CaseState.OVERDUE_REPORT_ACCEPTED;
        p.skipLastTranche = state == CaseState.CLOSED_UNDERSPENT;
        p.refundPercent = state == CaseState.CLOSED_WITH_REFUND ? 5 + rng.nextInt(16) : 0;
        switch (state) {
            case AMENDMENT_PROPOSED, AMENDMENT_REJECTED -> p.amendment = AmendmentKind.NEW_END_DATE;
            case AMENDED -> p.amendment = AmendmentKind.values()[rng.nextInt(3)];
            case CLOSED, CLOSED_WITH_REFUND -> p.amendment = rng.nextInt(10) == 0
                    ? (rng.nextBoolean() ? AmendmentKind.NEW_END_DATE : AmendmentKind.MOVE_BUDGET_LINES) : null;
            default -> p.amendment = null;
        }
        p.trancheAt = new long[p.tranches + 1];
        p.reportAt = new long[p.tranches];

        writeLife(p, rng);
        cut(p, rng);
        place(p, rng, frame);
        p.ops = Arrays.copyOf(p.ops, p.size);
        p.at = Arrays.copyOf(p.at, p.size);
        return p;
    }

    /** The whole life the case would have, with the detours its state needs. Delays follow the real process. */
    private static void writeLife(Plan p, SplittableRandom rng) {
        CaseState s = p.state;
        p.add(Kind.CREATE, 0, 0);
        for (int i = 1; i <= p.saves; i++) {
            boolean last = i == p.saves;
            p.add(Kind.SAVE, last && !(s == CaseState.DRAFT && p.partialDraft) ? COMPLETE : PARTIAL, days(rng, 0.1, 8));
        }
        p.add(Kind.SUBMIT, 0, days(rng, 0.5, 12));
        // The eligibility job runs seconds after submission; a case still waiting is one whose job is stuck.
        p.add(Kind.ELIGIBILITY, 0, s == CaseState.SUBMITTED_AWAITING_ELIGIBILITY ? days(rng, 1, 3) : seconds(rng, 2, 40));
        if (s == CaseState.INELIGIBLE) {
            return;
        }
        p.add(Kind.START_HUB, 0, 40);
        boolean hubRevision = s == CaseState.HUB_REVISION_REQUESTED || s == CaseState.RESUBMITTED_UNDER_HUB_REVIEW
                || (s == CaseState.LAPSED && p.index % 2 == 0);
        boolean centralRevision = s == CaseState.CENTRAL_REVISION_REQUESTED || s == CaseState.RESUBMITTED_UNDER_CENTRAL_REVIEW
                || (s == CaseState.LAPSED && p.index % 2 == 1);
        hubStage(p, rng, hubRevision);
        if (hubRevision) {
            if (s == CaseState.LAPSED) {
                p.add(Kind.LAPSE, 0, 30 * DAY + seconds(rng, 5, 60));
                return;
            }
            resubmission(p, rng);
            p.add(Kind.START_HUB, 0, 40);
            hubStage(p, rng, false);
        }
        centralStage(p, rng, centralRevision);
        if (centralRevision) {
            if (s == CaseState.LAPSED) {
                p.add(Kind.LAPSE, 0, 30 * DAY + seconds(rng, 5, 60));
                return;
            }
            resubmission(p, rng);
            p.add(Kind.START_CENTRAL_SYSTEM, 0, 40);
            centralStage(p, rng, false);
        }
        if (s == CaseState.DECISION_REOPENED) {
            p.add(Kind.DECIDE, FIRST_DECLINE, days(rng, 0, 4));
            p.add(Kind.REOPEN, 0, days(rng, 5, 40));
            p.add(Kind.DECIDE, 0, days(rng, 5, 30));
        } else {
            p.add(Kind.DECIDE, 0, days(rng, 0, 4));
        }
        if (p.decision == DecisionType.DECLINE) {
            return;
        }
        if (p.secondApproval) {
            p.add(Kind.CONFIRM, 0, days(rng, 0.5, 5));
        }
        p.add(Kind.MAKE_AWARD, 0, days(rng, 3, 25));
        for (int k = 1; k <= p.tranches; k++) {
            boolean last = k == p.tranches;
            if (last && p.skipLastTranche) {
                // Never requested: the city delivered for less; its money is released at close-out.
                p.trancheAt[k - 1] = p.at[p.size - 1] + 7 * DAY;
            } else {
                p.add(Kind.TRANCHE_REQUEST, k, k == 1 ? days(rng, 2, 15) : days(rng, 1, 10));
                p.trancheAt[k - 1] = p.at[p.size - 1];
                p.add(Kind.TRANCHE_APPROVE, k, days(rng, 0.5, 4));
                p.add(Kind.TRANCHE_PAY, k, days(rng, 0.5, 5));
            }
            if (k == 1 && p.amendment != null) {
                p.add(Kind.AMENDMENT_PROPOSE, 0, days(rng, 10, 50));
                p.amendmentStep = p.size - 1;
                p.add(s == CaseState.AMENDMENT_REJECTED ? Kind.AMENDMENT_REJECT : Kind.AMENDMENT_APPROVE, 0, days(rng, 2, 12));
            }
            long toReport = last ? days(rng, 60, 130) : days(rng, 60, 150);
            if (k == 1 && p.r1Overdue) {
                p.add(Kind.REPORT_OVERDUE, 1, toReport);
                p.reportAt[0] = p.at[p.size - 1];
                p.add(Kind.REPORT_SUBMIT, 1, days(rng, 3, 20));
            } else {
                p.add(Kind.REPORT_SUBMIT, k, toReport);
                p.reportAt[k - 1] = p.at[p.size - 1] + days(rng, 1, 14);
                if (k == 1 && p.r1Rejected) {
                    p.add(Kind.REPORT_REJECT, 1, days(rng, 3, 15));
                    p.add(Kind.REPORT_SUBMIT, 1, days(rng, 5, 20));
                }
            }
            p.add(Kind.REPORT_ACCEPT, k, days(rng, 3, 20));
        }
        if (p.refundPercent > 0) {
            p.add(Kind.REFUND, 0, days(rng, 5, 25));
        }
        p.add(Kind.CLOSE, 0, days(rng, 5, 30));
        // A more-money amendment adds a tranche, planned two months after the last one.
        p.trancheAt[p.tranches] = p.trancheAt[p.tranches - 1] + 60 * DAY;
    }

    private static void hubStage(Plan p, SplittableRandom rng, boolean revision) {
        if (p.recusedHubReviewer >= 0) {
            p.add(Kind.HUB_DECLARE, p.recusedHubReviewer | FLAG, days(rng, 0.5, 5));
        }
        if (revision) {
            p.add(Kind.HUB_DECLARE, p.hubReviewers[0], days(rng, 0.5, 6));
            p.add(Kind.REQUEST_REVISION, p.hubReviewers[0], days(rng, 1, 10));
            return;
        }
        for (int reviewer : p.hubReviewers) {
            p.add(Kind.HUB_DECLARE, reviewer, days(rng, 0.5, 6));
            p.add(Kind.HUB_REVIEW, reviewer, days(rng, 1, 10));
        }
        // Completing the hub task runs the service task that starts the central review, in the same transaction.
        p.add(Kind.START_CENTRAL_FORWARDED, p.hubReviewers[p.hubReviewers.length - 1], 60);
    }

    private static void centralStage(Plan p, SplittableRandom rng, boolean revision) {
        p.add(Kind.CENTRAL_DECLARE, p.decider, days(rng, 1, 8));
        if (revision) {
            p.add(Kind.REQUEST_REVISION, p.decider | FLAG, days(rng, 1, 6));
            return;
        }
        p.add(Kind.CENTRAL_REVIEW, p.decider, days(rng, 1, 6));
        if (p.centralReviewer >= 0) {
            p.add(Kind.CENTRAL_DECLARE, p.centralReviewer, days(rng, 0.2, 4));
            p.add(Kind.CENTRAL_REVIEW, p.centralReviewer, days(rng, 1, 6));
        }
    }

    /** The city edits and resubmits within the 30 days before the revision lapses; the check runs again. */
    private static void resubmission(Plan p, SplittableRandom rng) {
        p.add(Kind.SAVE, REVISED, days(rng, 2, 12));
        p.add(Kind.RESUBMIT, 0, days(rng, 1, 10));
        p.add(Kind.ELIGIBILITY, 0, seconds(rng, 2, 40));
    }

    /** How far the case has come by the end of the history. */
    private static void cut(Plan p, SplittableRandom rng) {
        p.cut = p.size;
        switch (p.state) {
            case DRAFT -> p.cutAfterLast(Kind.SAVE, -1);
            case SUBMITTED_AWAITING_ELIGIBILITY -> p.cutAfterFirst(Kind.SUBMIT, -1);
            case UNDER_HUB_REVIEW -> {
                // Declared and maybe one review in; the other reviewer(s) still at work.
                int declare = p.find(Kind.HUB_DECLARE, p.hubReviewers[0]);
                p.cut = p.hubReviewers.length == 2 && rng.nextBoolean() ? declare + 2 : declare + 1;
            }
            case HUB_REVISION_REQUESTED, CENTRAL_REVISION_REQUESTED -> p.cutAfterFirst(Kind.REQUEST_REVISION, -1);
            case RESUBMITTED_UNDER_HUB_REVIEW -> {
                int second = p.find(Kind.RESUBMIT, -1);
                for (int i = second; i < p.size; i++) {
                    if (p.kind(i) == Kind.HUB_DECLARE && (p.arg(i) & FLAG) == 0) {
                        p.cut = i + 1;
                        break;
                    }
                }
            }
            case UNDER_CENTRAL_REVIEW -> p.cut = p.find(Kind.CENTRAL_DECLARE, -1) + 1 + rng.nextInt(2);
            case RESUBMITTED_UNDER_CENTRAL_REVIEW -> p.cutAfterLast(Kind.CENTRAL_DECLARE, -1);
            case AWAITING_SECOND_APPROVAL -> p.cutAfterLast(Kind.DECIDE, -1);
            case DECISION_REOPENED -> p.cutAfterFirst(Kind.REOPEN, -1);
            case WITHDRAWN -> {
                // Withdrawn as a draft, during the hub review (before or after a review is in), or in the central review.
                int point = switch (rng.nextInt(4)) {
                    case 0 -> p.find(Kind.SUBMIT, -1);
                    case 1 -> p.find(Kind.HUB_DECLARE, -1) + 1;
                    case 2 -> p.find(Kind.HUB_REVIEW, -1) + 1;
                    default -> p.find(Kind.CENTRAL_DECLARE, -1) + 1;
                };
                p.endWith(point, Kind.WITHDRAW, days(rng, 1, 25));
            }
            case APPROVED_AWAITING_AWARD -> p.cut = p.find(Kind.MAKE_AWARD, -1);
            case AWARDED -> p.cutAfterFirst(Kind.MAKE_AWARD, -1);
            case TRANCHE_REQUESTED -> p.cutAfterFirst(Kind.TRANCHE_REQUEST, 1);
            case TRANCHE_APPROVED -> p.cutAfterFirst(Kind.TRANCHE_APPROVE, 1);
            case FIRST_TRANCHE_PAID -> p.cutAfterFirst(Kind.TRANCHE_PAY, 1);
            case REPORT_SUBMITTED -> p.cutAfterLast(Kind.REPORT_SUBMIT, 1);
            case REPORT_REJECTED -> p.cutAfterFirst(Kind.REPORT_REJECT, 1);
            case REPORT_ACCEPTED -> p.cutAfterFirst(Kind.REPORT_ACCEPT, 1);
            case SECOND_TRANCHE_PAID -> p.cutAfterFirst(Kind.TRANCHE_PAY, 2);
            case FINAL_REPORT_SUBMITTED -> p.cutAfterLast(Kind.REPORT_SUBMIT, p.tranches);
            case REPORT_OVERDUE -> p.cutAfterFirst(Kind.REPORT_OVERDUE, 1);
            case OVERDUE_REPORT_ACCEPTED -> p.cutAfterFirst(Kind.REPORT_ACCEPT, 1);
            case AMENDMENT_PROPOSED -> p.cutAfterFirst(Kind.AMENDMENT_PROPOSE, -1);
            case AMENDED -> p.cutAfterFirst(Kind.AMENDMENT_APPROVE, -1);
            case AMENDMENT_REJECTED -> p.cutAfterFirst(Kind.AMENDMENT_REJECT, -1);
            default -> p.cut = p.size; // INELIGIBLE, DECLINED, LAPSED and the closed states end here
        }
    }

    /**
     * Places the case in time. A case in flight stopped at a point where its next step falls after the end
     * of the history; a finished case lies anywhere in the history. An overdue report is marked by the timer
     * at the start of the day after its due date (ReportSchedule), so that step is put on a day boundary.
     */
    private static void place(Plan p, SplittableRandom rng, Frame frame) {
        long duration = p.at[p.cut - 1];
        long span = frame.end - frame.firstCase() - DAY;
        if (duration > span) {
            // Too long for the history: squeeze the case's steps (keeping their order).
            double factor = span / (double) duration;
            for (int i = 1; i < p.size; i++) {
                p.at[i] = Math.max(p.at[i - 1] + 1, (long) (p.at[i] * factor));
            }
            for (int i = 0; i < p.trancheAt.length; i++) {
                p.trancheAt[i] = (long) (p.trancheAt[i] * factor);
            }
            for (int i = 0; i < p.reportAt.length; i++) {
                p.reportAt[i] = (long) (p.reportAt[i] * factor);
            }
            duration = p.at[p.cut - 1];
        }
        if (p.cut < p.size) {
            long next = p.at[p.cut] - p.at[p.cut - 1];
            long last = frame.end - SECOND - (long) (rng.nextDouble() * Math.min(next, 150 * DAY));
            p.start = Math.max(frame.firstCase(), last - duration);
        } else {
            p.start = frame.firstCase() + (long) (rng.nextDouble() * Math.max(1, span - duration));
        }
        int overdue = p.find(Kind.REPORT_OVERDUE, 1);
        if (overdue >= 0 && overdue < p.cut) {
            long marked = p.time(overdue);
            long aligned = startOfDay(date(marked)) + seconds(rng, 20, 90);
            p.start += aligned - marked;
        }
        p.start -= p.start % SECOND - (p.index % 997);
    }

    // ---- Reference data --------------------------------------------------------------------------

    record Hub(String id, Region region, String code, String[] reviewers) {
    }

    record City(int index, String id, String name, String country, Hub hub, String[] focalPoints) {
        Region region() {
            return hub.region();
        }
    }

    record DonorTemplate(String country, DonorType type, String currency, String rateToUsd, String name) {
    }

    /** One contribution's ledger as the aggregate keeps it, and the next sequence number of its stream. */
    static final class Fund {
        final String id;
        final String donorId;
        final Earmark earmark;
        /** The donor's currency, or USD when the fund is larger than one agreement in it may be (see contribution). */
        String currency;
        BigDecimal rate;
        Money received = Money.zero(Money.USD);
        Money committed = Money.zero(Money.USD);
        Money disbursed = Money.zero(Money.USD);
        Money refunded = Money.zero(Money.USD);
        long nextSequence;

        Fund(String id, String donorId, Earmark earmark, String currency, BigDecimal rate) {
            this.id = id;
            this.donorId = donorId;
            this.earmark = earmark;
            this.currency = currency;
            this.rate = rate;
        }

        Money available() {
            return received.minus(committed);
        }
    }

    /** The member cities, donors and contributions of the synthetic Network. */
    static final class Network {
        static final Hub[] HUBS = {
                new Hub(DemoNetwork.HUB_EAST_SOUTHERN_AFRICA, Region.EAST_SOUTHERN_AFRICA, "esa",
                        new String[]{"hub.eastafrica", "syn.hub.esa.1", "syn.hub.esa.2", "syn.hub.esa.3"}),
                new Hub(DemoNetwork.HUB_MENA, Region.MIDDLE_EAST_NORTH_AFRICA, "mena",
                        new String[]{"hub.mena", "syn.hub.mena.1", "syn.hub.mena.2", "syn.hub.mena.3"}),
                new Hub(DemoNetwork.HUB_WESTERN_BALKANS, Region.WESTERN_BALKANS, "wb",
                        new String[]{"hub.balkans", "syn.hub.wb.1", "syn.hub.wb.2", "syn.hub.wb.3"}),
                new Hub(DemoNetwork.HUB_SOUTH_ASIA, Region.SOUTH_ASIA, "sa",
                        new String[]{"hub.southasia", "syn.hub.sa.1", "syn.hub.sa.2", "syn.hub.sa.3"}),
                new Hub(DemoNetwork.HUB_LATIN_AMERICA, Region.LATIN_AMERICA_CARIBBEAN, "lac",
                        new String[]{"hub.latam", "syn.hub.lac.1", "syn.hub.lac.2", "syn.hub.lac.3"}),
                new Hub(DemoNetwork.HUB_SOUTHEAST_ASIA, Region.SOUTHEAST_ASIA, "sea",
                        new String[]{"hub.seasia", "syn.hub.sea.1", "syn.hub.sea.2", "syn.hub.sea.3"})};
        static final String[][] COUNTRIES = {
                {"KE", "UG", "TZ", "RW", "ET", "ZA", "MZ", "ZM"},
                {"JO", "TN", "LB", "MA", "IQ", "EG"},
                {"BA", "AL", "MK", "RS", "ME"},
                {"BD", "LK", "NP", "PK", "IN", "MV"},
                {"CO", "MX", "BR", "EC", "PE", "GT", "HN", "JM"},
                {"PH", "ID", "MY", "TH", "VN"}};
        static final DonorTemplate[] DONORS = {
                new DonorTemplate("NO", DonorType.GOVERNMENT, "NOK", "0.0941", "Norwegian Ministry of Foreign Affairs"),
                new DonorTemplate("DK", DonorType.GOVERNMENT, "DKK", "0.1452", "Ministry of Foreign Affairs of Denmark"),
                new DonorTemplate("GB", DonorType.GOVERNMENT, "GBP", "1.2710", "UK Foreign, Commonwealth & Development Office"),
                new DonorTemplate("US", DonorType.GOVERNMENT, "USD", null, "U.S. Department of State"),
                new DonorTemplate("NL", DonorType.GOVERNMENT, "EUR", "1.0825", "Netherlands Ministry of Foreign Affairs"),
                new DonorTemplate(null, DonorType.MULTILATERAL, "EUR", "1.0825", "European Union"),
                new DonorTemplate("AU", DonorType.GOVERNMENT, "AUD", "0.6610", "Australian Department of Foreign Affairs and Trade"),
                new DonorTemplate("FI", DonorType.CITY, "EUR", "1.0825", "City of Helsinki"),
                new DonorTemplate("US", DonorType.CITY, "USD", null, "City and County of Denver"),
                new DonorTemplate("NO", DonorType.CITY, "NOK", "0.0941", "City of Oslo"),
                new DonorTemplate(null, DonorType.FUND, "USD", null, "Prevention Futures Foundation"),
                new DonorTemplate("GB", DonorType.PRIVATE_SECTOR, "GBP", "1.2710", "Civic Tech Partners Ltd")};

        final List<City> cities = new ArrayList<>();
        final List<String> donors = new ArrayList<>();
        final List<Fund> funds = new ArrayList<>();
        final Map<String, Long> cityNextSequence = new HashMap<>();

        static Network of(int cityCount, int donorCount) {
            Network network = new Network();
            for (int c = 0; c < cityCount; c++) {
                Hub hub = HUBS[c % HUBS.length];
                String[] countries = COUNTRIES[c % HUBS.length];
                String country = countries[(c / HUBS.length) % countries.length];
                String[] focalPoints = c % 3 == 0 ? new String[]{"syn.focal." + c + ".a", "syn.focal." + c + ".b"}
                        : new String[]{"syn.focal." + c + ".a"};
                network.cities.add(new City(c, String.format("%s%04d", CITY_PREFIX, c),
                        "Synthetic City " + c + " (" + country + ")", country, hub, focalPoints));
            }
            for (int d = 0; d < donorCount; d++) {
                String donorId = String.format("%s%03d", DONOR_PREFIX, d);
                network.donors.add(donorId);
                DonorTemplate template = DONORS[d % DONORS.length];
                BigDecimal rate = template.rateToUsd() == null ? BigDecimal.ONE : new BigDecimal(template.rateToUsd());
                // Every donor gives unrestricted money; every other donor also earmarks a second contribution.
                network.funds.add(new Fund(String.format("%s%03d-a", CONTRIBUTION_PREFIX, d), donorId, Earmark.unrestricted(),
                        template.currency(), rate));
                if (d % 2 == 0) {
                    Earmark earmark = switch ((d / 2) % 3) {
                        case 0 -> Earmark.region(HUBS[(d / 6) % HUBS.length].region());
                        case 1 -> Earmark.priority(StrategicPriority.values()[(d / 6) % 5]);
                        default -> Earmark.supportType(SupportType.values()[(d / 6) % SupportType.values().length]);
                    };
                    network.funds.add(new Fund(String.format("%s%03d-b", CONTRIBUTION_PREFIX, d), donorId, earmark,
                            template.currency(), rate));
                }
            }
            return network;
        }

        /** Where each stream the reference commands wrote ends, so appended events continue it. */
        void readSequenceNumbers(JdbcTemplate jdbc) {
            Map<String, Long> last = new HashMap<>();
            jdbc.query("SELECT aggregateidentifier, max(sequencenumber) FROM domainevententry "
                            + "WHERE aggregateidentifier LIKE 'syn-c%' GROUP BY aggregateidentifier",
                    rs -> {
                        last.put(rs.getString(1), rs.getLong(2));
                    });
            for (City city : cities) {
                cityNextSequence.put(city.id(), requireStream(last, city.id()) + 1);
            }
            for (Fund fund : funds) {
                fund.nextSequence = requireStream(last, fund.id) + 1;
            }
        }

        private static long requireStream(Map<String, Long> last, String id) {
            Long sequence = last.get(id);
            if (sequence == null) {
                throw new IllegalStateException("The reference command for " + id + " stored no event");
            }
            return sequence;
        }
    }

    /**
     * Sends the reference data through the real commands, each dated in the first weeks of the history
     * through {@link HistoryClock}: cities, donors, contribution agreements, and receipts of enough money to
     * fund every synthetic award (unrestricted contributions alone cover 125 % of it; earmarked ones add more).
     */
    static final class ReferenceData {
        private final CommandGateway commands;
        private final Frame frame;
        private final Network network;

        ReferenceData(CommandGateway commands, Frame frame, Network network) {
            this.commands = commands;
            this.frame = frame;
            this.network = network;
        }

        long load(BigDecimal awardMoney) {
            BigDecimal unrestrictedEach = awardMoney.multiply(new BigDecimal("1.25")).add(BigDecimal.valueOf(100_000))
                    .divide(BigDecimal.valueOf(network.funds.stream().filter(f -> f.earmark.kind() == EarmarkKind.UNRESTRICTED).count()),
                            0, RoundingMode.UP);
            long earmarkedCount = network.funds.stream().filter(f -> f.earmark.kind() != EarmarkKind.UNRESTRICTED).count();
            BigDecimal earmarkedEach = earmarkedCount == 0 ? BigDecimal.ZERO : awardMoney.multiply(new BigDecimal("0.4"))
                    .add(BigDecimal.valueOf(50_000)).divide(BigDecimal.valueOf(earmarkedCount), 0, RoundingMode.UP);
            HistoryClock clock = new HistoryClock(GenericEventMessage.clock);
            Clock previous = GenericEventMessage.clock;
            GenericEventMessage.clock = clock;
            // One thread: each command commits before the next is sent, so these back-dated events never commit
            // out of global index order (see the gap rule in load()).
            try {
                long sent = 0;
                for (City city : network.cities) {
                    sent += city(clock, city);
                }
                for (int d = 0; d < network.donors.size(); d++) {
                    sent += donor(clock, d);
                }
                for (int f = 0; f < network.funds.size(); f++) {
                    Fund fund = network.funds.get(f);
                    sent += contribution(clock, f, fund,
                            fund.earmark.kind() == EarmarkKind.UNRESTRICTED ? unrestrictedEach : earmarkedEach);
                }
                return sent;
            } finally {
                GenericEventMessage.clock = previous;
            }
        }

        private int city(HistoryClock clock, City city) {
            List<FocalPoint> focalPoints = new ArrayList<>();
            for (int k = 0; k < city.focalPoints().length; k++) {
                String account = city.focalPoints()[k];
                focalPoints.add(new FocalPoint(account, "Focal Point " + city.index() + (k == 0 ? "A" : "B"),
                        account.replace("syn.focal.", "focal-") + "@city.example"));
            }
            long at = frame.start + city.index() * (21 * DAY / Math.max(1, network.cities.size())) + 9 * 3_600_000L;
            send(clock, at, "admin", "ROLE_ADMINISTRATOR", new RegisterMemberCityCommand(city.id(), city.name(), city.country(),
                    city.region(), city.hub().id(), PopulationBand.values()[city.index() % PopulationBand.values().length],
                    focalPoints, true, false, "admin"));
            return 1;
        }

        private int donor(HistoryClock clock, int d) {
            DonorTemplate template = Network.DONORS[d % Network.DONORS.length];
            long at = frame.start + d * 3_600_000L + 8 * 3_600_000L;
            send(clock, at, "admin", "ROLE_ADMINISTRATOR", new RegisterDonorCommand(network.donors.get(d),
                    template.name() + " (synthetic " + (d + 1) + ")", template.type(), template.country(), null, "admin"));
            return 1;
        }

        /** Signs the agreement and records two receipts that together bring at least {@code usd} in. */
        private int contribution(HistoryClock clock, int f, Fund fund, BigDecimal usd) {
            String officer = FINANCE_OFFICERS[f % FINANCE_OFFICERS.length];
            // A history of tens of thousands of cases needs funds larger than any real agreement in NOK or DKK may
            // pledge (ContributionLimits); such a fund is agreed in USD, whose limit is about ten times the value.
            if (!ContributionLimits.isWithinLargest(usd.divide(fund.rate, 0, RoundingMode.UP).multiply(new BigDecimal("1.2")),
                    fund.currency)) {
                fund.currency = Money.USD;
                fund.rate = BigDecimal.ONE;
            }
            BigDecimal original = usd.divide(fund.rate, 0, RoundingMode.UP);
            BigDecimal first = original.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.UP);
            BigDecimal second = original.subtract(first);
            // Pledged a little more than received: part of the pledge is still outstanding, as in real agreements.
            Money pledged = new Money(original.multiply(new BigDecimal("1.2")).setScale(0, RoundingMode.UP), fund.currency);
            long signed = frame.start + 3 * DAY + f * 600_000L + 10 * 3_600_000L;
            send(clock, signed, officer, "ROLE_FINANCE_OFFICER", new SignContributionAgreementCommand(fund.id, fund.donorId,
                    pledged, date(frame.start), date(frame.end).plusYears(1), fund.earmark, officer));
            receipt(clock, fund, officer, "-1", first, signed + 8 * DAY + f * 600_000L);
            receipt(clock, fund, officer, "-2", second, signed + 38 * DAY + f * 600_000L);
            return 3;
        }

        private void receipt(HistoryClock clock, Fund fund, String officer, String suffix, BigDecimal amount, long at) {
            Money received = new Money(amount, fund.currency);
            LocalDate valueDate = date(at);
            Conversion conversion = received.isUsd() ? Conversion.none(received, valueDate)
                    : Conversion.of(received, Money.USD, fund.rate, "ECB reference rate", valueDate);
            send(clock, at, officer, "ROLE_FINANCE_OFFICER", new RecordReceiptCommand(fund.id, "receipt-" + fund.id + suffix,
                    received, conversion, valueDate, officer));
            fund.received = fund.received.plus(conversion.converted());
        }

        /** One real command, as the named person, with the events dated {@code at}. */
        private void send(HistoryClock clock, long at, String actor, String role, Object command) {
            clock.set(Instant.ofEpochMilli(at));
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(ActorMetaData.ACTOR, actor, ActorMetaData.ROLE, role)));
            } finally {
                clock.set(null);
            }
        }
    }

    /**
     * Axon dates new events with {@link GenericEventMessage#clock}. This clock answers with the history time
     * set by the current thread, and with the real time on every thread that set none, so nothing else the
     * application does meanwhile is back-dated.
     */
    static final class HistoryClock extends Clock {
        private final Clock real;
        private final ThreadLocal<Instant> now = new ThreadLocal<>();

        HistoryClock(Clock real) {
            this.real = real;
        }

        void set(Instant instant) {
            if (instant == null) {
                now.remove();
            } else {
                now.set(instant);
            }
        }

        @Override
        public Instant instant() {
            Instant instant = now.get();
            return instant != null ? instant : real.instant();
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    // ---- Writing ---------------------------------------------------------------------------------

    /**
     * Collects events and appends them through the storage engine, {@value #EVENTS_PER_TRANSACTION} or so
     * per transaction (a step's events never straddle two), with the subscribing directory projection applied
     * in the same transaction to the MemberCity events (payment holds).
     *
     * <p>Two transactions are in flight: while one commits, the next batch is generated and inserted (when the
     * audit chain was linked at commit, under one lock, the commit was the slowest part of the load). Inserts take turns in batch order, so the global index stays in time order,
     * and so do commits, so no committed event ever follows an uncommitted one in the global index (a tracking
     * processor would skip the uncommitted one for good: see the gap rule in {@link #load}).
     */
    static final class Writer {
        private final EventStorageEngine engine;
        private final TransactionTemplate transaction;
        private final EventHandlerInvoker directory;
        private final SplittableRandom ids;
        private final ExecutorService appenders = Executors.newFixedThreadPool(2);
        private final Semaphore inFlight = new Semaphore(2);
        private final List<Future<?>> appended = new ArrayList<>();
        private final Object turns = new Object();
        private long batchesInserted;
        private long batchesCommitted;
        private long batchesSubmitted;
        private List<DomainEventMessage<?>> batch = new ArrayList<>(EVENTS_PER_TRANSACTION + 64);
        private final long started = System.nanoTime();
        long written;
        /** Where the time goes: the generator waiting for a free appender, inserting, committing. */
        long waitNanos;
        final AtomicLong insertNanos = new AtomicLong();
        final AtomicLong commitNanos = new AtomicLong();

        Writer(ConfigurableApplicationContext app, long seed) {
            this.engine = app.getBean(EventStorageEngine.class);
            this.transaction = app.getBean(TransactionTemplate.class);
            this.directory = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(DirectoryProjection.GROUP, SubscribingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("The directory projection should run subscribing"))
                    .eventHandlerInvoker();
            this.ids = new SplittableRandom(seed ^ 0x1D5EED1D5EEDL);
        }

        /** A random (version 4) UUID from the seeded generator: reproducible, and unique in practice. */
        String uuid() {
            long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        }

        /** The metadata the application puts on every event of one command (see AxonWiring). */
        Map<String, Object> command(String actor, String role) {
            String id = uuid();
            return Map.of("traceId", id, "correlationId", id, ActorMetaData.ACTOR, actor, ActorMetaData.ROLE, role);
        }

        void add(String type, String aggregateId, long sequence, Object payload, long at, Map<String, Object> metaData) {
            batch.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData, uuid(),
                    Instant.ofEpochMilli(at)));
        }

        int pending() {
            return batch.size();
        }

        /** Hands the batch to an appender; waits while two are in flight. */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<DomainEventMessage<?>> events = batch;
            batch = new ArrayList<>(EVENTS_PER_TRANSACTION + 64);
            long turn = batchesSubmitted++;
            if (written / PROGRESS_EVERY != (written + events.size()) / PROGRESS_EVERY) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("SyntheticHistory: %,d events appended in %.0f s (%.0f events/s)%n", written, seconds,
                        written / seconds);
            }
            written += events.size();
            long waiting = System.nanoTime();
            inFlight.acquireUninterruptibly();
            waitNanos += System.nanoTime() - waiting;
            rethrowFailures();
            appended.add(appenders.submit(() -> {
                try {
                    append(events, turn);
                } finally {
                    inFlight.release();
                }
                return null;
            }));
        }

        /** One transaction: insert when it is this batch's turn, then commit in turn. */
        private void append(List<DomainEventMessage<?>> events, long turn) {
            long[] committing = new long[1];
            try {
                transaction.executeWithoutResult(status -> {
                    awaitTurn(() -> batchesInserted == turn);
                    long inserting = System.nanoTime();
                    try {
                        engine.appendEvents(events);
                        for (DomainEventMessage<?> event : events) {
                            if ("MemberCity".equals(event.getType())) {
                                directory.handle(event, Segment.ROOT_SEGMENT);
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("Appending the synthetic history failed: " + e.getMessage(), e);
                    } finally {
                        insertNanos.addAndGet(System.nanoTime() - inserting);
                        synchronized (turns) {
                            batchesInserted++;
                            turns.notifyAll();
                        }
                    }
                    awaitTurn(() -> batchesCommitted == turn);
                    committing[0] = System.nanoTime();
                });
                commitNanos.addAndGet(System.nanoTime() - committing[0]);
            } finally {
                synchronized (turns) {
                    batchesInserted = Math.max(batchesInserted, turn + 1);
                    batchesCommitted++;
                    turns.notifyAll();
                }
            }
        }

        private void awaitTurn(java.util.function.BooleanSupplier ourTurn) {
            synchronized (turns) {
                while (!ourTurn.getAsBoolean()) {
                    try {
                        turns.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting to append", e);
                    }
                }
            }
        }

        /** Appends what is left and waits until every transaction has committed. */
        void finish() {
            flush();
            for (Future<?> future : appended) {
                await(future);
            }
            appended.clear();
        }

        void close() {
            appenders.shutdownNow();
        }

        private void rethrowFailures() {
            appended.removeIf(future -> {
                if (future.isDone()) {
                    await(future);
                    return true;
                }
                return false;
            });
        }

        private static void await(Future<?> future) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    // ---- The simulation --------------------------------------------------------------------------

    /** The money an award draws from one contribution, mirrored from both the Award and the Contribution. */
    static final class Allocation {
        final Fund fund;
        Money allocated = Money.zero(Money.USD);
        Money paid = Money.zero(Money.USD);
        Money refunded = Money.zero(Money.USD);

        Allocation(Fund fund) {
            this.fund = fund;
        }

        Money undrawn() {
            return allocated.minus(paid);
        }

        Money netPaid() {
            return paid.minus(refunded);
        }
    }

    /** A case in flight: its plan, where it is, and the state of its aggregates the next steps need. */
    static final class Live {
        final Plan plan;
        final City city;
        final String applicationId;
        final String awardId;
        int next;
        long applicationSequence;
        long awardSequence;
        int version;
        final Set<String> applicants = new LinkedHashSet<>();
        List<String> decidedBy = List.of();
        final Map<String, Long> reviewSequence = new HashMap<>(4);
        // The award.
        Money amount;
        List<BudgetLine> budgetLines;
        List<TrancheSchedule> tranches;
        List<ReportingObligation> reports;
        LocalDate endDate;
        final LinkedHashMap<String, Allocation> allocations = new LinkedHashMap<>();
        Money paid = Money.zero(Money.USD);
        Money refunded = Money.zero(Money.USD);
        AmendmentTerms amendmentTerms;
        String amendmentProposer;
        final Set<String> heldReports = new LinkedHashSet<>();
        long events;

        Live(Plan plan, City city) {
            this.plan = plan;
            this.city = city;
            this.applicationId = applicationId(plan.index);
            this.awardId = awardId(plan.index);
        }

        long nextTime() {
            return plan.time(next);
        }
    }

    static final class Simulation {
        private final long seed;
        private final Frame frame;
        private final Network network;
        private final Writer writer;
        private final long[] starts;
        private final int[] cityOf;
        final Map<CaseState, Integer> casesPerState = new EnumMap<>(CaseState.class);
        final Map<CaseState, Long> eventsPerState = new EnumMap<>(CaseState.class);
        final Map<CaseState, List<String>> examples = new EnumMap<>(CaseState.class);
        /** Which held reports each city has, keyed like MemberCity keys them: by report id alone. */
        private final Map<String, Set<String>> cityHolds = new HashMap<>();
        private long payments;
        int peakInFlight;

        Simulation(long seed, Frame frame, Network network, Writer writer, long[] starts, int[] cityOf) {
            this.seed = seed;
            this.frame = frame;
            this.network = network;
            this.writer = writer;
            this.starts = starts;
            this.cityOf = cityOf;
            for (CaseState state : CaseState.values()) {
                casesPerState.put(state, 0);
                eventsPerState.put(state, 0L);
                examples.put(state, new ArrayList<>());
            }
        }

        void run() {
            Integer[] order = new Integer[starts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong((Integer i) -> starts[i]).thenComparingInt(i -> i));
            PriorityQueue<Live> inFlight = new PriorityQueue<>(Comparator.comparingLong(Live::nextTime)
                    .thenComparingInt(live -> live.plan.index));
            int nextStart = 0;
            while (nextStart < order.length || !inFlight.isEmpty()) {
                if (nextStart < order.length && (inFlight.isEmpty() || starts[order[nextStart]] <= inFlight.peek().nextTime())) {
                    int index = order[nextStart++];
                    Plan plan = plan(seed, index, frame);
                    Live live = new Live(plan, network.cities.get(cityOf[index]));
                    casesPerState.merge(plan.state, 1, Integer::sum);
                    List<String> stateExamples = examples.get(plan.state);
                    if (stateExamples.size() < 5) {
                        stateExamples.add(live.applicationId);
                    }
                    inFlight.add(live);
                    peakInFlight = Math.max(peakInFlight, inFlight.size());
                    continue;
                }
                Live live = inFlight.poll();
                long before = writer.pending();
                step(live, live.next, live.plan.time(live.next));
                live.events += writer.pending() - before;
                live.next++;
                if (live.next < live.plan.cut) {
                    inFlight.add(live);
                } else {
                    eventsPerState.merge(live.plan.state, live.events, Long::sum);
                }
                if (writer.pending() >= EVENTS_PER_TRANSACTION) {
                    writer.flush();
                }
            }
        }

        // ---- One step: the events of one command, as the aggregates apply them ---------------------

        private void step(Live c, int op, long at) {
            Plan p = c.plan;
            int arg = p.arg(op);
            switch (p.kind(op)) {
                case CREATE -> {
                    String focal = focal(c, p.focal);
                    application(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"),
                            new ApplicationDraftCreatedEvent(c.applicationId, c.city.id(), focal));
                    c.applicants.add(focal);
                }
                case SAVE -> {
                    String focal = focal(c, arg == PARTIAL ? p.focal : p.secondFocal);
                    ApplicationContent content = arg == PARTIAL ? partialContent(c) : content(c, arg == REVISED ? 2 : 1);
                    application(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"),
                            new ApplicationDraftSavedEvent(c.applicationId, content, focal));
                    c.applicants.add(focal);
                }
                case SUBMIT -> {
                    String focal = focal(c, p.secondFocal);
                    c.version = 1;
                    application(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"),
                            new ApplicationSubmittedEvent(c.applicationId, c.city.id(), 1, content(c, 1), focal));
                    c.applicants.add(focal);
                }
                case RESUBMIT -> {
                    String focal = focal(c, p.secondFocal);
                    c.version++;
                    application(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"),
                            new ApplicationResubmittedEvent(c.applicationId, c.city.id(), c.version, content(c, c.version),
                                    "We have added the partners' track record and a do-no-harm check, as asked.", focal));
                    c.applicants.add(focal);
                }
                case ELIGIBILITY -> {
                    boolean eligible = p.state != CaseState.INELIGIBLE;
                    if (!holdsOf(c.city).isEmpty()) {
                        throw new IllegalStateException("City " + c.city.id() + " has a payment hold: the eligibility table "
                                + "would find " + c.applicationId + " ineligible");
                    }
                    String reason = eligible ? ELIGIBLE
                            : p.requested.compareTo(BigDecimal.valueOf(5_000)) < 0 ? BELOW_MINIMUM : ABOVE_MAXIMUM;
                    application(c, at, command(SYSTEM, SYSTEM),
                            new ApplicationEligibilityRecordedEvent(c.applicationId, c.version, eligible, reason, SYSTEM));
                }
                case START_HUB -> application(c, at, command(SYSTEM, SYSTEM),
                        new HubReviewStartedEvent(c.applicationId, c.version, SYSTEM));
                case HUB_DECLARE -> declare(c, at, ReviewStage.HUB, hubReviewer(c, arg & ~FLAG), (arg & FLAG) != 0);
                case HUB_REVIEW -> review(c, at, ReviewStage.HUB, hubReviewer(c, arg));
                case START_CENTRAL_FORWARDED ->
                    // The service task runs inside the hub reviewer's task completion: their account is on the event.
                        application(c, at, command(hubReviewer(c, arg), "ROLE_HUB_REVIEWER"),
                                new CentralReviewStartedEvent(c.applicationId, c.version, SYSTEM));
                case START_CENTRAL_SYSTEM -> application(c, at, command(SYSTEM, SYSTEM),
                        new CentralReviewStartedEvent(c.applicationId, c.version, SYSTEM));
                case CENTRAL_DECLARE -> declare(c, at, ReviewStage.CENTRAL, CENTRAL_TEAM[arg], false);
                case CENTRAL_REVIEW -> review(c, at, ReviewStage.CENTRAL, CENTRAL_TEAM[arg]);
                case REQUEST_REVISION -> {
                    boolean central = (arg & FLAG) != 0;
                    String reviewer = central ? CENTRAL_TEAM[arg & ~FLAG] : hubReviewer(c, arg);
                    application(c, at, command(reviewer, central ? "ROLE_CENTRAL_REVIEWER" : "ROLE_HUB_REVIEWER"),
                            new RevisionRequestedEvent(c.applicationId, c.version, central ? ReviewStage.CENTRAL : ReviewStage.HUB,
                                    "Please show how the partners were chosen and add a do-no-harm check for participants.",
                                    reviewer));
                }
                case DECIDE -> decide(c, at, arg == FIRST_DECLINE);
                case CONFIRM -> {
                    String confirmer = CENTRAL_TEAM[p.confirmer];
                    String decider = CENTRAL_TEAM[p.decider];
                    application(c, at, command(confirmer, "ROLE_CENTRAL_REVIEWER"), new DecisionConfirmedEvent(c.applicationId,
                            c.version, p.decision, usd(p.approved), decider, confirmer));
                    c.decidedBy = List.of(decider, confirmer);
                }
                case REOPEN -> {
                    String actor = CENTRAL_TEAM[p.confirmer];
                    application(c, at, command(actor, "ROLE_CENTRAL_REVIEWER"), new DecisionReopenedEvent(c.applicationId,
                            c.version, ApplicationStatus.UNDER_CENTRAL_REVIEW,
                            "The city sent new evidence of national support that the decision did not consider.", actor));
                    c.decidedBy = List.of();
                }
                case WITHDRAW -> {
                    String focal = focal(c, p.focal);
                    application(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"), new ApplicationWithdrawnEvent(c.applicationId,
                            "The municipal council moved the activity to next year's budget.", focal));
                }
                case LAPSE -> application(c, at, command(SYSTEM, SYSTEM),
                        new ApplicationLapsedEvent(c.applicationId, LapseApplicationDelegate.REASON, SYSTEM));
                case MAKE_AWARD -> makeAward(c, at);
                case TRANCHE_REQUEST -> {
                    String requester = FINANCE_OFFICERS[p.requester];
                    TrancheSchedule tranche = c.tranches.get(arg - 1);
                    award(c, at, command(requester, "ROLE_FINANCE_OFFICER"),
                            new TrancheRequestedEvent(c.awardId, tranche.trancheId(), tranche.amount(), requester));
                }
                case TRANCHE_APPROVE -> {
                    String approver = FINANCE_APPROVERS[p.trancheApprover];
                    TrancheSchedule tranche = c.tranches.get(arg - 1);
                    award(c, at, command(approver, "ROLE_FINANCE_APPROVER"), new TrancheApprovedEvent(c.awardId,
                            tranche.trancheId(), tranche.amount(), FINANCE_OFFICERS[p.requester], approver));
                }
                case TRANCHE_PAY -> pay(c, at, c.tranches.get(arg - 1));
                case REPORT_SUBMIT -> {
                    String focal = focal(c, p.focal);
                    ReportingObligation report = c.reports.get(arg - 1);
                    award(c, at, command(focal, "ROLE_CITY_FOCAL_POINT"), new ReportSubmittedEvent(c.awardId, report.reportId(),
                            report.kind(), "Activities delivered as planned with the city's partners; see the indicators.",
                            results(c), focal));
                }
                case REPORT_ACCEPT -> {
                    String reviewer = hubReviewer(c, p.reportReviewer);
                    ReportingObligation report = c.reports.get(arg - 1);
                    Map<String, Object> meta = command(reviewer, "ROLE_HUB_REVIEWER");
                    award(c, at, meta, new ReportAcceptedEvent(c.awardId, c.city.id(), report.reportId(), report.kind(), reviewer));
                    // ReportHolds: accepting lifts the city's hold on this report id, if there is one.
                    if (holdsOf(c.city).remove(report.reportId())) {
                        city(c, at, meta, new ReportHoldLiftedEvent(c.city.id(), c.awardId, report.reportId(), reviewer));
                    }
                }
                case REPORT_REJECT -> {
                    String reviewer = hubReviewer(c, p.reportReviewer);
                    award(c, at, command(reviewer, "ROLE_HUB_REVIEWER"), new ReportRejectedEvent(c.awardId,
                            c.reports.get(arg - 1).reportId(), "Please add the attendance figures and the partners' receipts.",
                            reviewer));
                }
                case REPORT_OVERDUE -> {
                    ReportingObligation report = c.reports.get(arg - 1);
                    Map<String, Object> meta = command(SYSTEM, SYSTEM);
                    award(c, at, meta, new ReportMarkedOverdueEvent(c.awardId, c.city.id(), report.reportId(), report.dueDate(),
                            SYSTEM));
                    // ReportHolds: marking overdue places the hold, unless the city already holds that report id.
                    if (holdsOf(c.city).add(report.reportId())) {
                        city(c, at, meta, new ReportHoldPlacedEvent(c.city.id(), c.awardId, report.reportId(), SYSTEM));
                    }
                }
                case AMENDMENT_PROPOSE -> proposeAmendment(c, at);
                case AMENDMENT_APPROVE -> approveAmendment(c, at);
                case AMENDMENT_REJECT -> {
                    String approver = CENTRAL_TEAM[p.confirmer];
                    award(c, at, command(approver, "ROLE_CENTRAL_REVIEWER"), new AmendmentRejectedEvent(c.awardId,
                            "amendment-1", "The current end date leaves enough time; keep to the plan.", approver));
                }
                case REFUND -> refund(c, at);
                case CLOSE -> close(c, at);
            }
        }

        private void declare(Live c, long at, ReviewStage stage, String reviewer, boolean conflict) {
            String reviewId = "review-" + c.applicationId + "-v" + c.version + "-" + stage.name().toLowerCase() + "-" + reviewer;
            Map<String, Object> meta = command(reviewer, stage == ReviewStage.HUB ? "ROLE_HUB_REVIEWER" : "ROLE_CENTRAL_REVIEWER");
            String statement = conflict ? "I advised the city's prevention unit on this project last year."
                    : "No relationship with the city.";
            review(c, reviewId, at, meta, new ConflictOfInterestDeclaredEvent(reviewId, c.applicationId, c.version, reviewer,
                    stage, conflict, statement));
            if (conflict) {
                review(c, reviewId, at, meta, new ReviewerRecusedEvent(reviewId, c.applicationId, c.version, reviewer, stage,
                        statement));
            }
        }

        private void review(Live c, long at, ReviewStage stage, String reviewer) {
            String reviewId = "review-" + c.applicationId + "-v" + c.version + "-" + stage.name().toLowerCase() + "-" + reviewer;
            Plan p = c.plan;
            List<CriterionScore> scores = new ArrayList<>();
            for (ReviewCriterion criterion : ReviewCriterion.values()) {
                scores.add(new CriterionScore(criterion, 2 + (p.index + criterion.ordinal() + reviewer.length()) % 4));
            }
            Recommendation recommendation = stage == ReviewStage.HUB ? Recommendation.FUND_IN_FULL : switch (p.decision) {
                case APPROVE_IN_FULL -> Recommendation.FUND_IN_FULL;
                case APPROVE_PARTIALLY -> Recommendation.FUND_PARTIALLY;
                case DECLINE -> Recommendation.DECLINE;
            };
            review(c, reviewId, at, command(reviewer, stage == ReviewStage.HUB ? "ROLE_HUB_REVIEWER" : "ROLE_CENTRAL_REVIEWER"),
                    new ReviewSubmittedEvent(reviewId, c.applicationId, c.version, reviewer, stage, List.copyOf(scores),
                            recommendation, "Well aligned with the city's prevention plan and realistic in its costs.",
                            "Partner has delivered similar work before."));
        }

        private void decide(Live c, long at, boolean firstDecline) {
            Plan p = c.plan;
            String decider = CENTRAL_TEAM[p.decider];
            DecisionType type = firstDecline ? DecisionType.DECLINE : p.decision;
            Money approved = type == DecisionType.DECLINE ? null : usd(p.approved);
            boolean awaiting = DecisionPolicy.needsSecondApprover(type, approved, type != DecisionType.DECLINE && p.secondApproval);
            String rationale = type == DecisionType.DECLINE
                    ? "The activity is outside what the fund supports; the hub can help design a community-led alternative."
                    : "A clear plan with local ownership and sensible costs.";
            String conditions = type == DecisionType.APPROVE_PARTIALLY ? "Grants of at most USD 2,500 each." : null;
            application(c, at, command(decider, "ROLE_CENTRAL_REVIEWER"), new ApplicationDecidedEvent(c.applicationId, c.version,
                    type, approved, conditions, rationale, p.index % 4 == 0 ? "Checked with the hub lead." : null, awaiting,
                    decider));
            if (!awaiting) {
                c.decidedBy = List.of(decider);
            }
        }

        /**
         * AwardFunding: the application records the award, each allocation is committed on its contribution
         * (in contribution id order), then the award is made, all in one command.
         */
        private void makeAward(Live c, long at) {
            Plan p = c.plan;
            String officer = FINANCE_OFFICERS[p.awardMaker];
            ApplicationContent content = content(c, c.version);
            c.amount = usd(p.approved);
            c.budgetLines = split(c.amount, "Delivery by local partners", "Events, travel and materials", "Monitoring and reporting");
            c.tranches = new ArrayList<>();
            c.reports = new ArrayList<>();
            BigDecimal[] shares = p.tranches == 3 ? new BigDecimal[]{new BigDecimal("0.40"), new BigDecimal("0.35")}
                    : new BigDecimal[]{new BigDecimal("0.60")};
            Money left = c.amount;
            for (int k = 1; k <= p.tranches; k++) {
                Money amount = k < p.tranches ? usd(c.amount.amount().multiply(shares[k - 1]).setScale(2, RoundingMode.HALF_EVEN))
                        : left;
                left = left.minus(amount);
                c.tranches.add(new TrancheSchedule("t" + k, amount, date(p.start + p.trancheAt[k - 1]), k == 1 ? null : "r" + (k - 1)));
                LocalDate due = p.r1Overdue && k == 1 ? date(p.start + p.reportAt[0]).minusDays(1) : date(p.start + p.reportAt[k - 1]);
                c.reports.add(new ReportingObligation("r" + k, k == p.tranches ? ReportKind.FINAL : ReportKind.PROGRESS, due));
            }
            c.endDate = c.reports.get(p.tranches - 1).dueDate();
            CaseProfile profile = new CaseProfile(c.city.region(), content.priorities(), content.supportType(), null);
            List<FundingAllocation> allocations = chooseFunding(c, profile, c.amount);
            List<String> problems = AwardTerms.problems(c.amount, c.budgetLines, c.tranches, c.reports, allocations);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Award " + c.awardId + " terms: " + problems);
            }
            Map<String, Object> meta = command(officer, "ROLE_FINANCE_OFFICER");
            application(c, at, meta, new AwardRecordedOnApplicationEvent(c.applicationId, c.awardId, c.amount, officer));
            commit(c, at, meta, allocations, officer);
            award(c, at, meta, new AwardMadeEvent(c.awardId, c.applicationId, c.city.id(), c.city.region(), content.priorities(),
                    content.supportType(), null, c.amount, c.budgetLines, c.tranches, c.reports,
                    p.decision == DecisionType.APPROVE_PARTIALLY ? "Grants of at most USD 2,500 each." : null, c.endDate,
                    allocations, List.copyOf(c.applicants), c.decidedBy, officer));
        }

        /**
         * Which contributions fund an amount: usually one that fits the case's earmark or an unrestricted one,
         * sometimes two; always within what they have received and not yet committed.
         */
        private List<FundingAllocation> chooseFunding(Live c, CaseProfile profile, Money amount) {
            List<Fund> fitting = new ArrayList<>();
            for (Fund fund : network.funds) {
                if (EarmarkPolicy.fits(fund.earmark, profile) && fund.available().isPositive()) {
                    fitting.add(fund);
                }
            }
            fitting.sort(Comparator.comparing((Fund f) -> f.available()).reversed());
            List<FundingAllocation> allocations = new ArrayList<>();
            int pick = c.plan.index % 10;
            if (pick < 3 && fitting.size() >= 2) {
                Money half = usd(amount.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN));
                Fund first = fitting.get(0);
                Fund second = fitting.get(1);
                if (!half.isGreaterThan(second.available()) && !amount.minus(half).isGreaterThan(first.available())) {
                    allocations.add(new FundingAllocation(first.id, amount.minus(half)));
                    allocations.add(new FundingAllocation(second.id, half));
                    return allocations;
                }
            }
            if (pick < 7) {
                for (Fund fund : fitting) {
                    if (fund.earmark.kind() != EarmarkKind.UNRESTRICTED && !amount.isGreaterThan(fund.available())) {
                        allocations.add(new FundingAllocation(fund.id, amount));
                        return allocations;
                    }
                }
            }
            Money left = amount;
            for (Fund fund : fitting) {
                if (!left.isPositive()) {
                    break;
                }
                Money take = left.min(fund.available());
                allocations.add(new FundingAllocation(fund.id, take));
                left = left.minus(take);
            }
            if (left.isPositive()) {
                throw new IllegalStateException("The contributions cannot fund award " + c.awardId + ": " + left + " short");
            }
            return allocations;
        }

        /** Contribution.commitToAward for each allocation, in contribution id order as AwardFunding locks them. */
        private void commit(Live c, long at, Map<String, Object> meta, List<FundingAllocation> allocations, String actor) {
            List<FundingAllocation> sorted = new ArrayList<>(allocations);
            sorted.sort(Comparator.comparing(FundingAllocation::contributionId));
            for (FundingAllocation allocation : sorted) {
                Fund fund = fund(allocation.contributionId());
                if (!FundingPolicy.mayCommit(fund.available(), allocation.usd())) {
                    throw new IllegalStateException("Contribution " + fund.id + " cannot commit " + allocation.usd());
                }
                fund.committed = fund.committed.plus(allocation.usd());
                contribution(c, fund, at, meta, new FundsCommittedEvent(fund.id, c.awardId, allocation.usd(), actor));
            }
            for (FundingAllocation allocation : allocations) {
                Allocation share = c.allocations.computeIfAbsent(allocation.contributionId(), id -> new Allocation(fund(id)));
                share.allocated = share.allocated.plus(allocation.usd());
            }
        }

        /** TranchePayments: the contributions are debited in allocation order, then the award records the payment. */
        private void pay(Live c, long at, TrancheSchedule tranche) {
            Plan p = c.plan;
            String payer = FINANCE_OFFICERS[p.payer];
            if (c.paid.plus(tranche.amount()).isGreaterThan(c.amount)) {
                throw new IllegalStateException("Paying " + tranche.trancheId() + " would exceed award " + c.awardId);
            }
            if (!holdsOf(c.city).isEmpty()) {
                throw new IllegalStateException("City " + c.city.id() + " has a payment hold; " + c.awardId + " cannot be paid");
            }
            List<FundingAllocation> draws = FundingPolicy.drawInOrder(tranche.amount(),
                    c.allocations.values().stream().map(a -> new FundingAllocation(a.fund.id, a.undrawn())).toList());
            String reference = String.format("TSF-%d-%06d", date(at).getYear(), ++payments);
            Map<String, Object> meta = command(payer, "ROLE_FINANCE_OFFICER");
            for (FundingAllocation draw : draws) {
                Allocation share = c.allocations.get(draw.contributionId());
                share.paid = share.paid.plus(draw.usd());
                share.fund.disbursed = share.fund.disbursed.plus(draw.usd());
                contribution(c, share.fund, at, meta, new FundsDisbursedEvent(share.fund.id, c.awardId, tranche.trancheId(),
                        draw.usd(), reference, payer));
            }
            c.paid = c.paid.plus(tranche.amount());
            award(c, at, meta, new TranchePaidEvent(c.awardId, c.city.id(), tranche.trancheId(), tranche.amount(), draws,
                    reference, date(at), null, payer));
        }

        private void proposeAmendment(Live c, long at) {
            Plan p = c.plan;
            String proposer = FINANCE_OFFICERS[(p.awardMaker + 1) % FINANCE_OFFICERS.length];
            AmendmentTerms terms = switch (p.amendment) {
                case NEW_END_DATE -> AmendmentTerms.newEndDate(c.endDate.plusMonths(3));
                case MOVE_BUDGET_LINES -> AmendmentTerms.moveBudgetLines(split(c.amount, "Delivery by local partners",
                        "Events and outreach", "Travel", "Monitoring and reporting"));
                case MORE_MONEY -> {
                    Money more = usd(p.moreMoney());
                    CaseProfile profile = new CaseProfile(c.city.region(), content(c, c.version).priorities(),
                            SupportType.values()[p.supportType], null);
                    List<BudgetLine> lines = new ArrayList<>(c.budgetLines);
                    lines.add(new BudgetLine("Second cohort of participants", more));
                    int next = c.tranches.size() + 1;
                    yield new AmendmentTerms(more, chooseFunding(c, profile, more),
                            List.of(new TrancheSchedule("t" + next, more, date(p.start + p.trancheAt[p.tranches]), "r1")), lines, null);
                }
            };
            c.amendmentTerms = terms;
            c.amendmentProposer = proposer;
            award(c, at, command(proposer, "ROLE_FINANCE_OFFICER"), new AmendmentProposedEvent(c.awardId, "amendment-1",
                    p.amendment, terms, "The city asked for the change after the first tranche; see its letter.", proposer));
        }

        /** AwardFunding: more money is committed on the contributions first, then the amendment is approved. */
        private void approveAmendment(Live c, long at) {
            Plan p = c.plan;
            String approver = CENTRAL_TEAM[p.confirmer];
            Map<String, Object> meta = command(approver, "ROLE_CENTRAL_REVIEWER");
            AmendmentTerms terms = c.amendmentTerms;
            commit(c, at, meta, terms.additionalAllocations(), approver);
            award(c, at, meta, new AmendmentApprovedEvent(c.awardId, "amendment-1", p.amendment, terms, c.amendmentProposer,
                    approver));
            switch (p.amendment) {
                case MORE_MONEY -> {
                    c.amount = c.amount.plus(terms.additionalAmount());
                    c.tranches.addAll(terms.additionalTranches());
                    c.budgetLines = terms.budgetLines();
                }
                case NEW_END_DATE -> c.endDate = terms.newEndDate();
                case MOVE_BUDGET_LINES -> c.budgetLines = terms.budgetLines();
            }
        }

        /** AwardFunding: the refund returns to the contributions that paid, in allocation order. */
        private void refund(Live c, long at) {
            String officer = FINANCE_OFFICERS[c.plan.payer];
            Money usd = usd(c.paid.minus(c.refunded).amount().multiply(BigDecimal.valueOf(c.plan.refundPercent))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
            List<FundingAllocation> returnedTo = FundingPolicy.drawInOrder(usd,
                    c.allocations.values().stream().map(a -> new FundingAllocation(a.fund.id, a.netPaid())).toList());
            String refundId = "refund-" + c.awardId + "-1";
            String reason = "Unspent venue and travel budget returned by the city.";
            Map<String, Object> meta = command(officer, "ROLE_FINANCE_OFFICER");
            for (FundingAllocation share : returnedTo) {
                Allocation allocation = c.allocations.get(share.contributionId());
                allocation.refunded = allocation.refunded.plus(share.usd());
                allocation.fund.refunded = allocation.fund.refunded.plus(share.usd());
                allocation.fund.committed = allocation.fund.committed.minus(share.usd());
                contribution(c, allocation.fund, at, meta, new RefundCreditedEvent(allocation.fund.id, c.awardId, refundId,
                        share.usd(), reason, officer));
            }
            c.refunded = c.refunded.plus(usd);
            award(c, at, meta, new RefundRecordedEvent(c.awardId, refundId, usd, returnedTo, reason, officer));
        }

        /** AwardFunding: what the award never drew goes back to its contributions, then the award closes. */
        private void close(Live c, long at) {
            String officer = FINANCE_OFFICERS[c.plan.awardMaker];
            Map<String, Object> meta = command(officer, "ROLE_FINANCE_OFFICER");
            Money released = Money.zero(Money.USD);
            for (Allocation allocation : c.allocations.values()) {
                Money undrawn = allocation.undrawn();
                if (undrawn.isPositive()) {
                    allocation.fund.committed = allocation.fund.committed.minus(undrawn);
                    released = released.plus(undrawn);
                    contribution(c, allocation.fund, at, meta, new FundsReleasedEvent(allocation.fund.id, c.awardId, undrawn,
                            "award " + c.awardId + " closed out", officer));
                }
            }
            award(c, at, meta, new AwardClosedEvent(c.awardId, c.paid, c.refunded, released, officer));
        }

        // ---- Event helpers ----------------------------------------------------------------------------

        private Map<String, Object> command(String actor, String role) {
            return writer.command(actor, role);
        }

        private void application(Live c, long at, Map<String, Object> meta, Object payload) {
            writer.add("Application", c.applicationId, c.applicationSequence++, payload, at, meta);
        }

        private void award(Live c, long at, Map<String, Object> meta, Object payload) {
            writer.add("Award", c.awardId, c.awardSequence++, payload, at, meta);
        }

        private void review(Live c, String reviewId, long at, Map<String, Object> meta, Object payload) {
            long sequence = c.reviewSequence.merge(reviewId, 1L, Long::sum) - 1;
            writer.add("Review", reviewId, sequence, payload, at, meta);
        }

        private void contribution(Live c, Fund fund, long at, Map<String, Object> meta, Object payload) {
            writer.add("Contribution", fund.id, fund.nextSequence++, payload, at, meta);
        }

        private void city(Live c, long at, Map<String, Object> meta, Object payload) {
            long sequence = network.cityNextSequence.merge(c.city.id(), 1L, Long::sum) - 1;
            writer.add("MemberCity", c.city.id(), sequence, payload, at, meta);
        }

        private Set<String> holdsOf(City city) {
            return cityHolds.computeIfAbsent(city.id(), id -> new LinkedHashSet<>());
        }

        private Fund fund(String id) {
            for (Fund fund : network.funds) {
                if (fund.id.equals(id)) {
                    return fund;
                }
            }
            throw new IllegalStateException("No contribution " + id);
        }

        private static String focal(Live c, int which) {
            String[] focalPoints = c.city.focalPoints();
            return focalPoints[which % focalPoints.length];
        }

        private static String hubReviewer(Live c, int which) {
            String[] reviewers = c.city.hub().reviewers();
            return reviewers[which % reviewers.length];
        }

        // ---- Content -------------------------------------------------------------------------------

        private static final String[] TOPICS = {
                "Mapping the drivers of polarisation", "Youth dialogue for safer neighbourhoods", "Risk and needs assessment",
                "Community-led prevention pilot", "Mentoring for returnees and their families", "Counter-narratives with local media",
                "Monitoring framework for the prevention plan", "Local prevention action plan", "Training for frontline practitioners",
                "Small grants for neighbourhood initiatives"};

        private static ApplicationContent partialContent(Live c) {
            Plan p = c.plan;
            return new ApplicationContent(TOPICS[p.supportType] + " in " + c.city.name(), "Early notes; budget to follow.",
                    priorities(p), null, null, null, null, null, null, null, null, null, false);
        }

        /** The complete application (version 2 is the revised one); the same every time it is asked for. */
        private static ApplicationContent content(Live c, int version) {
            Plan p = c.plan;
            Money requested = usd(p.requested);
            // The activity starts on the first of the month, about three months after submission.
            int submit = p.find(Kind.SUBMIT, -1);
            LocalDate start = date(p.start + p.at[submit < 0 ? p.cut - 1 : submit]).plusMonths(3).withDayOfMonth(1);
            ApplicationContent content = new ApplicationContent(TOPICS[p.supportType] + " in " + c.city.name(),
                    (version > 1 ? "Revised: " : "") + "Work with local partners over twelve months, led by the city's prevention unit.",
                    priorities(p), SupportType.values()[p.supportType], requested,
                    split(requested, "Delivery by local partners", "Events, travel and materials", "Monitoring and reporting"),
                    start, start.plusMonths(12).minusDays(1), "Strengthen the city's own capacity to prevent hate and extremism.",
                    List.of(new Indicator("People reached", "0", String.valueOf(200 + p.index % 800)),
                            new Indicator("Partners engaged", "2", String.valueOf(5 + p.index % 10))),
                    "Partner turnover; mitigated by a steering group chaired by the city.",
                    version > 1 ? "No personal data on participants is recorded; a do-no-harm check is done with each partner."
                            : "No personal data on participants is recorded; venues are chosen with the community.",
                    p.sensitive);
            if (p.index % 512 == 0) {
                List<String> missing = ApplicationCompleteness.missingFields(content);
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("Synthetic application is incomplete: " + missing);
                }
            }
            return content;
        }

        private static Set<StrategicPriority> priorities(Plan p) {
            Set<StrategicPriority> set = EnumSet.noneOf(StrategicPriority.class);
            for (StrategicPriority priority : StrategicPriority.values()) {
                if ((p.priorities & (1 << priority.ordinal())) != 0) {
                    set.add(priority);
                }
            }
            return set;
        }

        private static List<IndicatorResult> results(Live c) {
            return List.of(new IndicatorResult("People reached", String.valueOf(100 + c.plan.index % 500), "Mostly young people"),
                    new IndicatorResult("Partners engaged", String.valueOf(3 + c.plan.index % 6), null));
        }
    }

    /**
     * Budget lines that add up to the amount to the cent: half on the first line, a share on each middle
     * line, the rest on the last; two lines only for amounts under USD 20,000.
     */
    static List<BudgetLine> split(Money amount, String... descriptions) {
        int lines = amount.amount().compareTo(BigDecimal.valueOf(20_000)) < 0 ? 2 : descriptions.length;
        List<BudgetLine> result = new ArrayList<>();
        Money left = amount;
        for (int i = 0; i < lines; i++) {
            Money part = i == lines - 1 ? left : usd(amount.amount().multiply(BigDecimal.valueOf(i == 0 ? 50 : 60 / lines))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
            result.add(new BudgetLine(descriptions[i], part));
            left = left.minus(part);
        }
        return result;
    }

    static Money usd(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY), Money.USD);
    }
}
