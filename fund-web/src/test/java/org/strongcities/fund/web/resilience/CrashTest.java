package org.strongcities.fund.web.resilience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.strongcities.fund.web.support.ApplicationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in its own JVM, fed a stream of city-portal commands over HTTP, killed with
 * SIGKILL at random moments three times and restarted each time on the same data directory (the
 * embedded PostgreSQL is left orphaned by each kill and must be recovered by the next start). A
 * fourth time PostgreSQL itself is killed first, its server and every process it started, as when the
 * database's host loses power: the next start runs PostgreSQL's crash recovery from the WAL, and what was
 * acknowledged is there because it was on disk before it was acknowledged.
 * Whatever was acknowledged to the user must be stored; processes, events, projections and the
 * audit chain must agree afterwards.
 */
class CrashTest {

    private static final Duration START_PATIENCE = Duration.ofSeconds(150);
    private static final String PASSWORD = "demo-password";

    private final Set<String> acknowledgedDrafts = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedSubmissions = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void acknowledgedCommandsSurviveSigkillAndEverythingAgreesAfterwards() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = ApplicationTest.freshDataDirectory("crash");
        int databasePort = FundProcess.freePort();
        Path log = Path.of("target", "resilience", "crash-app.log");
        List<String> report = new ArrayList<>();
        report.add("seed " + seed);

        try (FundProcess app = FundProcess.start("crash-app", log, START_PATIENCE, "--fund.data-dir=" + data,
                "--fund.embedded-port=" + databasePort, "--fund.demo=true")) {
            for (int round = 1; round <= 4; round++) {
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = List.of(writer(app, running), writer(app, running));
                writers.forEach(Thread::start);
                long killAfter = 1_500 + random.nextInt(2_500);
                FundProcess.sleep(killAfter);
                // The last time the database's server dies first; it is then not left running, it crashed.
                String killed = round == 4 ? "PostgreSQL (" + killDatabase(data) + " processes) and " : "";
                app.kill();
                running.set(false);
                for (Thread writer : writers) {
                    writer.join(Duration.ofSeconds(40).toMillis());
                }
                long orphan = killed.isEmpty() ? orphanedPostgres(data) : 0;
                report.add("round " + round + ": killed " + killed + "the application after " + killAfter
                        + " ms; acknowledged so far: "
                        + acknowledgedDrafts.size() + " drafts, " + acknowledgedSubmissions.size()
                        + " submissions; PostgreSQL left running: " + (orphan > 0 ? "pid " + orphan : "no"));
                long restarted = System.nanoTime();
                app.restart(START_PATIENCE);
                report.add("round " + round + ": restarted and healthy in "
                        + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");
            }

            // It still works after three crashes.
            WebUser focal = WebUser.signIn(app.baseUrl(), "focal.nairobi", PASSWORD);
            String last = focal.createDraft().orElseThrow();
            acknowledgedDrafts.add(last);
            assertThat(focal.submit(last)).isEqualTo(WebUser.SubmitOutcome.ACKNOWLEDGED);
            acknowledgedSubmissions.add(last);

            try (Db db = new Db(databasePort)) {
                Set<String> drafts = db.aggregatesWith("ApplicationDraftCreatedEvent");
                Set<String> submitted = db.aggregatesWith("ApplicationSubmittedEvent");
                Set<String> processes = db.strings(
                        "SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'application_review'");
                report.add("stored: " + drafts.size() + " drafts (" + acknowledgedDrafts.size() + " acknowledged), "
                        + submitted.size() + " submissions (" + acknowledgedSubmissions.size() + " acknowledged), "
                        + processes.size() + " review processes");

                assertThat(acknowledgedDrafts.size()).as("the stream produced work").isGreaterThan(3);
                assertThat(drafts).as("every acknowledged draft is stored").containsAll(acknowledgedDrafts);
                assertThat(submitted).as("every acknowledged submission is stored").containsAll(acknowledgedSubmissions);
                assertThat(processes).as("a review process for every submission, and no process without its event")
                        .containsExactlyInAnyOrderElementsOf(submitted);
                assertThat(db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'application_review'"))
                        .as("one process per submission, none started twice").isEqualTo(submitted.size());

                long caughtUp = awaitProjections(db, drafts.size(), submitted.size(), Duration.ofSeconds(30));
                report.add("projections caught up " + caughtUp + " ms after the last restart's checks began");

                long events = db.count("SELECT count(*) FROM domainevententry");
                WebUser admin = WebUser.signIn(app.baseUrl(), "admin", PASSWORD);
                String verification = admin.get("/audit/verify").body();
                report.add("audit: " + verification);
                assertThat(verification).contains("\"holds\":true");
                long checked = Long.parseLong(verification.replaceAll(".*\"eventsChecked\":(\\d+).*", "$1"));
                assertThat(checked).as("the chain covers every stored event").isGreaterThanOrEqualTo(events);

                long pendingEligibility = submitted.size()
                        - db.aggregatesWith("ApplicationEligibilityRecordedEvent").size();
                long lockedJobs = db.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
                report.add("eligibility checks not yet run: " + pendingEligibility + "; jobs still locked by a killed "
                        + "process (wait for the lock to expire): " + lockedJobs);
            }
        } finally {
            report.forEach(line -> System.out.println("[crash] " + line));
            Files.write(Path.of("target", "resilience", "crash-report.txt"), report);
        }
    }

    private Thread writer(FundProcess app, AtomicBoolean running) {
        return new Thread(() -> {
            try {
                WebUser focal = WebUser.signIn(app.baseUrl(), "focal.nairobi", PASSWORD);
                while (running.get()) {
                    Optional<String> draft = focal.createDraft();
                    if (draft.isEmpty()) {
                        continue;
                    }
                    acknowledgedDrafts.add(draft.get());
                    if (focal.submit(draft.get()) == WebUser.SubmitOutcome.ACKNOWLEDGED) {
                        acknowledgedSubmissions.add(draft.get());
                    }
                }
            } catch (IOException killed) {
                // the process died under us: what was not acknowledged may or may not be stored
            }
        }, "crash-writer");
    }

    private static long awaitProjections(Db db, int drafts, int submitted, Duration patience) throws Exception {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        long applications = -1;
        long submittedRows = -1;
        while (System.nanoTime() < deadline) {
            applications = db.count("SELECT count(*) FROM rm_application");
            submittedRows = db.count("SELECT count(*) FROM rm_application WHERE submitted_at IS NOT NULL");
            if (applications == drafts && submittedRows == submitted) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            FundProcess.sleep(200);
        }
        assertThat(applications).as("rm_application rows = drafts in the event store").isEqualTo(drafts);
        assertThat(submittedRows).as("submitted rows = submissions in the event store").isEqualTo(submitted);
        return -1;
    }

    /** SIGKILL to the server running on the data directory and to every process it started at once; how many. */
    private static long killDatabase(Path data) throws IOException {
        ProcessHandle postmaster = ProcessHandle.of(orphanedPostgres(data)).orElseThrow();
        List<ProcessHandle> server = new ArrayList<>(postmaster.children().toList());
        server.add(0, postmaster);
        server.forEach(ProcessHandle::destroyForcibly);
        return server.size();
    }

    /** The pid of a PostgreSQL server still running on the data directory, or 0. */
    private static long orphanedPostgres(Path data) throws IOException {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return 0;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid).orElse(0L);
    }
}
