package org.strongcities.fund.web.resilience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.strongcities.fund.web.platform.EmbeddedDatabase;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the whole application (two JVMs: Axon names a token owner by process) on one
 * PostgreSQL. Work goes through both; the tracking processors share their segments through the
 * token table, each Camunda job runs once, every case page works on either node; then the node
 * that owns the projections is killed and the other one carries on with nothing lost or doubled.
 */
class SeveralNodesTest {

    private static final String PASSWORD = "demo-password";
    private static final Duration START = Duration.ofSeconds(150);

    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger notYetProjected = new AtomicInteger();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoNodesShareTheWorkAndTheSurvivorCarriesOn() throws Exception {
        List<String> report = new ArrayList<>();
        Path log = Path.of("target", "resilience");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("nodes"), 0);
             Db db = new Db(database.port())) {
            String[] shared = {"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--axon.eventhandling.tokenstore.claim-timeout=5s"};
            FundProcess first = FundProcess.start("node-1", log.resolve("node-1.log"), START, with(shared, "--fund.demo=true"));
            FundProcess second = FundProcess.start("node-2", log.resolve("node-2.log"), START, with(shared, "--fund.demo=false"));
            try {
                WebUser onFirst = WebUser.signIn(first.baseUrl(), "focal.nairobi", PASSWORD);
                WebUser onSecond = WebUser.signIn(second.baseUrl(), "focal.nairobi", PASSWORD);
                Thread a = new Thread(() -> submitSome(onFirst, 6));
                Thread b = new Thread(() -> submitSome(onSecond, 6));
                a.start();
                b.start();
                a.join(120_000);
                b.join(120_000);
                assertThat(submitted).hasSize(12);
                report.add("12 applications submitted, 6 through each node; submissions that first met a 404 because the "
                        + "other node had not projected the new draft yet: " + notYetProjected.get());

                awaitEveryEligibilityCheck(db, submitted.size(), Duration.ofSeconds(90));
                List<String> tokens = db.rows("SELECT processorname, segment, owner FROM tokenentry ORDER BY 1, 2");
                report.add("token table: " + tokens);
                assertThat(db.count("SELECT count(*) FROM (SELECT processorname, segment FROM tokenentry "
                        + "GROUP BY 1, 2 HAVING count(*) > 1) d")).as("one row, so one owner, per segment").isZero();
                assertThat(db.count("""
                        SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_actinst WHERE act_id_ = 'task_check_eligibility'
                        GROUP BY proc_inst_id_ HAVING count(*) <> 1) d""")).as("each eligibility job ran exactly once").isZero();
                assertThat(db.count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.ApplicationEligibilityRecordedEvent' "
                        + "AND aggregateidentifier IN " + ours())).as("each eligibility check recorded once").isEqualTo(submitted.size());
                report.add("eligibility events per case, where more than one: " + db.rows(
                        "SELECT aggregateidentifier, count(*), string_agg(convert_from(metadata, 'UTF8'), ' ; ') "
                        + "FROM domainevententry WHERE payloadtype LIKE '%.ApplicationEligibilityRecordedEvent' "
                        + "GROUP BY 1 HAVING count(*) > 1"));
                report.add("events by type: " + db.rows("SELECT regexp_replace(payloadtype, '.*[.]', ''), count(*) "
                        + "FROM domainevententry GROUP BY 1 ORDER BY 1"));

                for (String id : submitted) {
                    assertThat(onFirst.get("/city/applications/" + id).statusCode()).as(id + " on node 1").isEqualTo(200);
                    assertThat(onSecond.get("/city/applications/" + id).statusCode()).as(id + " on node 2").isEqualTo(200);
                }
                report.add("every case page answers 200 on both nodes");

                String owner = db.list("SELECT owner FROM tokenentry WHERE processorname = 'cases'").get(0);
                FundProcess victim = owner != null && owner.startsWith(second.pid() + "@") ? second : first;
                FundProcess survivor = victim == first ? second : first;
                victim.kill();
                report.add("killed " + victim.name() + " (pid " + victim.pid() + ", owner of the 'cases' projection: " + owner
                        + ") with SIGKILL");

                WebUser onSurvivor = victim == first ? onSecond : onFirst;
                submitSome(onSurvivor, 4);
                assertThat(submitted).hasSize(16);
                awaitEveryEligibilityCheck(db, submitted.size(), Duration.ofSeconds(90));
                long caughtUp = awaitProjections(db, Duration.ofSeconds(60));
                report.add("survivor took over the projections; read models caught up " + caughtUp + " ms after the last submission");
                report.add("token table now: " + db.rows("SELECT processorname, segment, owner FROM tokenentry ORDER BY 1, 2"));

                Set<String> drafts = db.aggregatesWith("ApplicationDraftCreatedEvent");
                Set<String> submissions = db.aggregatesWith("ApplicationSubmittedEvent");
                assertThat(submissions).containsAll(submitted);
                assertThat(db.count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.ApplicationSubmittedEvent' "
                        + "AND aggregateidentifier IN " + ours())).as("no submission stored twice").isEqualTo(submitted.size());
                assertThat(db.strings("SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'application_review'"))
                        .as("a process for every submission (the demo's included), none without").isEqualTo(submissions);
                assertThat(db.count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'application_review' "
                        + "AND business_key_ IN " + ours())).as("no process started twice").isEqualTo(submitted.size());
                assertThat(db.count("SELECT count(*) FROM rm_application")).isEqualTo(drafts.size());
                assertThat(db.count("SELECT count(*) FROM rm_application_version WHERE application_id IN " + ours()))
                        .as("one kept version per submission").isEqualTo(submitted.size());
                assertThat(db.count("SELECT count(*) FROM (SELECT event_id FROM rm_case_event GROUP BY event_id "
                        + "HAVING count(*) > 1) d")).as("no timeline line twice").isZero();
                assertThat(onSurvivor.get("/city/applications/" + submitted.iterator().next()).statusCode()).isEqualTo(200);
                assertThat(db.count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.ApplicationEligibilityRecordedEvent' "
                        + "AND aggregateidentifier IN " + ours())).as("each eligibility check recorded once").isEqualTo(submitted.size());
                // Both nodes' sealers linked events while both ran; the survivor's links the rest on its own, and
                // the chain holds: one unforked sequence whichever node linked what.
                long unlinkedSince = System.nanoTime();
                while (db.count("SELECT count(*) FROM event_chain_pending") > 0
                        && System.nanoTime() - unlinkedSince < Duration.ofSeconds(30).toNanos()) {
                    FundProcess.sleep(100);
                }
                assertThat(db.count("SELECT count(*) FROM event_chain_pending")).as("every event linked by the survivor").isZero();
                String verification = WebUser.signIn(survivor.baseUrl(), "admin", PASSWORD).get("/audit/verify").body();
                report.add("audit: " + verification);
                assertThat(verification).contains("\"holds\":true");
                report.add("events: " + db.count("SELECT count(*) FROM domainevententry") + ", drafts " + drafts.size()
                        + ", submissions " + submissions.size() + ", review processes " + submitted.size()
                        + ", rm_application " + db.count("SELECT count(*) FROM rm_application"));
                survivor.stop();
            } finally {
                first.stop();
                second.stop();
                report.forEach(line -> System.out.println("[nodes] " + line));
                Files.createDirectories(log);
                Files.write(log.resolve("several-nodes-report.txt"), report);
            }
        }
    }

    /** The ids of the applications this test submitted, as an SQL list (they are app-[0-9a-f]{8}, generated by the portal). */
    private String ours() {
        return submitted.stream().map(id -> "'" + id.replaceAll("[^a-z0-9-]", "") + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private void submitSome(WebUser user, int count) {
        try {
            for (int i = 0; i < count; i++) {
                String id = user.createDraft().orElseThrow();
                // The other node may own the projection; a draft it has not projected yet is not found (404,
                // nothing done): try again (up to 30 s: during a fail-over the new owner
                // claims the segment only after the claim timeout), as a person reloading the page would.
                WebUser.SubmitOutcome outcome = user.submit(id);
                for (int retry = 0; outcome == WebUser.SubmitOutcome.NOT_FOUND && retry < 300; retry++) {
                    notYetProjected.incrementAndGet();
                    FundProcess.sleep(100);
                    outcome = user.submit(id);
                }
                assertThat(outcome).isEqualTo(WebUser.SubmitOutcome.ACKNOWLEDGED);
                submitted.add(id);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitEveryEligibilityCheck(Db db, int submissions, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && db.count("SELECT count(*) FROM domainevententry WHERE payloadtype "
                + "LIKE '%.ApplicationEligibilityRecordedEvent' AND aggregateidentifier IN " + ours()) < submissions) {
            FundProcess.sleep(200);
        }
    }

    private static long awaitProjections(Db db, Duration patience) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            long newest = db.count("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
            boolean applications = db.count("SELECT count(*) FROM rm_application")
                    == db.aggregatesWith("ApplicationDraftCreatedEvent").size();
            if (applications && db.count("SELECT count(*) FROM rm_application_version")
                    == db.aggregatesWith("ApplicationSubmittedEvent").size() && newest > 0) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            FundProcess.sleep(200);
        }
        return -1;
    }

    private static String[] with(String[] shared, String extra) {
        String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
        all[shared.length] = extra;
        return all;
    }
}
