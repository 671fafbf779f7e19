package org.strongcities.fund.web.resilience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Malformed and hostile input at every form and endpoint that exists: oversized fields, wrong
 * types, negative and absurd amounts, unknown currencies, script and SQL fragments, other users'
 * ids, missing, forged and replayed CSRF tokens. Every answer must be a 4xx (or a redirect / page
 * that says what is wrong), never a 5xx, and nothing may be stored apart from the two drafts the
 * test means to create (and one submission of one of them).
 */
class HostileInputTest extends ApplicationTest {

    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    private static final String SCRIPT = "<script>alert('owned')</script>";
    private static final String SQL = "'; DROP TABLE rm_application; --";
    private static final IntPredicate CLIENT_ERROR = status -> status >= 400 && status < 500;
    private static final IntPredicate PAGE_OR_REDIRECT = status -> status == 200 || (status >= 300 && status < 400);
    private static final IntPredicate NOT_SERVER_ERROR = status -> status < 500;
    /**
     * A missing or wrong CSRF token: 403 in the container; the hand-built MockMvc answers with the redirect to the
     * sign-in page instead. Either way the stored-state check at the end proves nothing was done.
     */
    private static final IntPredicate CSRF_REFUSED = status -> status == 403 || status == 302;

    @Autowired
    WebApplicationContext context;
    /** Built here without the result printer: printing a model that holds 1 MB values would only test the printer. */
    private MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModels readModels;
    @LocalServerPort
    int port;

    private final List<String> outcomes = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void hostileInputGetsAClearRefusalAndStoresNothing() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        quiesce();
        long firstNewEvent = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) + 1 FROM domainevententry", Long.class);
        Map<String, Long> before = tableCounts();

        String draft = startDraft("focal.nairobi");
        String submittedDraft = startDraft("focal.nairobi");
        try {
            csrfTokens(draft);
            cityPortalForm(draft);
            otherCitiesAndGarbageIds(draft);
            replayedSubmission(submittedDraft);
            publicAndAuditEndpoints();
            financeAndDonorEndpoints();
            tasksAdminAndAccountEndpoints(submittedDraft);
            containerLimits(draft);
        } finally {
            Path report = Path.of("target", "resilience", "hostile-input-report.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, outcomes);
            outcomes.forEach(line -> System.out.println("[hostile] " + line));
        }

        quiesce();
        List<Map<String, Object>> newEvents = jdbc.queryForList("""
                SELECT aggregateidentifier, payloadtype, convert_from(metadata, 'UTF8') AS meta
                FROM domainevententry WHERE globalindex >= ? ORDER BY globalindex""", firstNewEvent);
        Set<String> intended = Set.of("ApplicationDraftCreatedEvent", "ApplicationDraftSavedEvent", "ApplicationSubmittedEvent");
        List<String> unexpected = new ArrayList<>();
        for (Map<String, Object> event : newEvents) {
            String aggregate = (String) event.get("aggregateidentifier");
            String type = ((String) event.get("payloadtype")).replaceAll(".*\\.", "");
            boolean bySystem = String.valueOf(event.get("meta")).contains("\"actor\":\"system\"");
            boolean ours = aggregate.equals(draft) || aggregate.equals(submittedDraft);
            boolean allowed = bySystem || (ours && intended.contains(type)
                    && (!type.equals("ApplicationSubmittedEvent") || aggregate.equals(submittedDraft)));
            if (!allowed) {
                unexpected.add(type + " on " + aggregate + " " + event.get("meta"));
            }
        }
        assertThat(unexpected).as("events stored by hostile requests").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Integer.class, submittedDraft, "%.ApplicationSubmittedEvent")).as("a replayed submission is stored once").isEqualTo(1);

        Map<String, Long> after = tableCounts();
        Map<String, Long> expectedDelta = Map.of("rm_application", 2L, "rm_application_version", 1L, "act_hi_procinst", 1L);
        for (String table : before.keySet()) {
            if (table.equals("rm_case_event") || table.equals("rm_handled_event") || table.equals("notice")) {
                continue; // timeline lines of the two intended drafts and the process's notices
            }
            assertThat(after.get(table) - before.get(table)).as("rows added to " + table)
                    .isEqualTo(expectedDelta.getOrDefault(table, 0L));
        }
        assertThat(jdbc.queryForObject("SELECT draft_content FROM rm_application WHERE application_id = ?", String.class, draft))
                .as("the stored draft never holds more than the limits").hasSizeLessThan(200_000);
        assertThat(wrong).as("requests answered with a server error or an unclear answer").isEmpty();
    }

    // ---- CSRF ------------------------------------------------------------------------------------

    private void csrfTokens(String draft) throws Exception {
        expect("POST /city/applications without CSRF token", post("/city/applications").with(as("focal.nairobi")), CSRF_REFUSED);
        expect("POST /city/applications with a forged CSRF token",
                post("/city/applications").with(csrf().useInvalidToken()).with(as("focal.nairobi")), CSRF_REFUSED);
        expect("POST /city/applications with _csrf=<garbage> parameter",
                post("/city/applications").param("_csrf", SCRIPT).with(as("focal.nairobi")), CSRF_REFUSED);
        MockHttpSession first = new MockHttpSession();
        String page = mvc.perform(get("/city").session(first).with(as("focal.nairobi"))).andReturn().getResponse()
                .getContentAsString();
        String token = WebUser.token(page);
        expect("POST /city/applications replaying another session's real CSRF token",
                post("/city/applications").session(new MockHttpSession()).param("_csrf", token).with(as("focal.nairobi")),
                CSRF_REFUSED);
        expect("POST /city/applications/{draft}/edit (submit) with a forged CSRF token",
                complete(post("/city/applications/" + draft + "/edit")).with(csrf().useInvalidToken()).with(as("focal.nairobi")),
                CSRF_REFUSED);
        expect("POST /city/applications/{draft}/withdraw without CSRF token",
                post("/city/applications/" + draft + "/withdraw").param("reason", "gone").with(as("focal.nairobi")), CSRF_REFUSED);
    }

    // ---- The application form ------------------------------------------------------------------

    private void cityPortalForm(String draft) throws Exception {
        String edit = "/city/applications/" + draft + "/edit";
        for (String field : List.of("title", "summary", "objectives", "risks", "doNoHarm", "budgetLines[0].first",
                "indicators[0].first")) {
            expectPage("POST edit: 1 MB " + field, save(edit).param(field, MEGABYTE), "too long");
        }
        expectPage("POST edit: requestedAmount=twelve", save(edit).param("requestedAmount", "twelve"), "Type the amount as a number");
        expectPage("POST edit: requestedAmount=-5000", save(edit).param("requestedAmount", "-5000"), "cannot be negative");
        expectPage("POST edit: requestedAmount=1e400", save(edit).param("requestedAmount", "1e400"), "Type the amount as a number");
        expectPage("POST edit: requestedAmount=99999999999999999999999",
                save(edit).param("requestedAmount", "99999999999999999999999"), "beyond what the fund can award");
        // Exponents are refused before parsing: 1E-999999999 once made the refusal a 1 GB string.
        long started = System.nanoTime();
        expectPage("POST edit: requestedAmount=1E-9999999", save(edit).param("requestedAmount", "1E-9999999"), "Type the amount as a number");
        long tinyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int pageSize = body(save(edit).param("requestedAmount", "1E-9999999")).length();
        outcomes.add("    (1E-9999999: " + tinyMillis + " ms, error page of " + pageSize + " characters)");
        if (pageSize > 1_000_000) {
            wrong.add("POST /city/applications/{id}/edit requestedAmount=1E-999999999: the refusal spells out the number "
                    + "(toPlainString), a 1 GB string; here 1E-9999999 gave a page of " + pageSize + " characters");
        }
        expectPage("POST edit: requestedAmount=0.001", save(edit).param("requestedAmount", "0.001"), "decimal places");
        for (String notANumber : List.of("NaN", "Infinity", "0x1F", "1e2147483648", "--1", "12,,3.4.5", SCRIPT)) {
            expectPage("POST edit: requestedAmount=" + notANumber, save(edit).param("requestedAmount", notANumber),
                    "Type the amount as a number");
        }
        started = System.nanoTime();
        expectPage("POST edit: requestedAmount of 300,000 digits", save(edit).param("requestedAmount", "9".repeat(300_000)),
                "Type the amount as a number");
        outcomes.add("    (the 300,000-digit amount took " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms: its length is checked before it is parsed)");
        expectPage("POST edit: budget line amount=-1", save(edit).param("budgetLines[0].first", "Venue")
                .param("budgetLines[0].second", "-1"), "cannot be negative");
        expectPage("POST edit: currency=XYZ", save(edit).param("requestedAmount", "100").param("currency", "XYZ"), "XYZ is not a currency code we know");
        expectPage("POST edit: currency=<script>", save(edit).param("requestedAmount", "100").param("currency", SCRIPT),
                "is not a currency code we know");
        expectPage("POST edit: currency of 1 MB", save(edit).param("requestedAmount", "100").param("currency", MEGABYTE),
                "currency");
        expectPage("POST edit: currency empty", save(edit).param("requestedAmount", "100").param("currency", ""),
                "currency");
        expectPage("POST edit: timelineStart=31/12/2027", save(edit).param("timelineStart", "31/12/2027"), "YYYY-MM-DD");
        expectPage("POST edit: timelineStart=2027-02-30", save(edit).param("timelineStart", "2027-02-30"), "YYYY-MM-DD");
        expect("POST edit: timelineStart=+999999999-12-31", save(edit).param("timelineStart", "+999999999-12-31"),
                PAGE_OR_REDIRECT);
        expectPage("POST edit: priorities=NOT_A_PRIORITY", save(edit).param("priorities", "NOT_A_PRIORITY"),
                "Choose the priorities from the list");
        expectPage("POST edit: supportType=<script>", save(edit).param("supportType", SCRIPT),
                "Choose the type of support from the list");
        expect("POST edit: sensitive=maybe (not a boolean)", save(edit).param("sensitive", "maybe"), CLIENT_ERROR);
        expect("POST edit: budgetLines[300].first (beyond the binder's growth limit)",
                save(edit).param("budgetLines[300].first", "x"), NOT_SERVER_ERROR);
        expect("POST edit: budgetLines[-1].first", save(edit).param("budgetLines[-1].first", "x"), NOT_SERVER_ERROR);
        expect("POST edit: budgetLines[abc].first", save(edit).param("budgetLines[abc].first", "x"), NOT_SERVER_ERROR);
        expect("POST edit: budgetLines[99999999999].first", save(edit).param("budgetLines[99999999999].first", "x"),
                NOT_SERVER_ERROR);
        expect("POST edit: class.module.classLoader.x=1 (binder probing)",
                save(edit).param("class.module.classLoader.resources.context.parent.pipeline.first.pattern", "x"),
                PAGE_OR_REDIRECT);
        expect("POST edit: action=<script>", save(edit).param("action", SCRIPT).param("title", "Plain"), PAGE_OR_REDIRECT);
        expect("POST edit: JSON body instead of a form", post(edit).with(csrf()).with(as("focal.nairobi"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":" + "[".repeat(10_000) + "}"), NOT_SERVER_ERROR);

        expect("POST edit: title=<script> (stored as text)", save(edit).param("title", SCRIPT), PAGE_OR_REDIRECT);
        String page = body(get(edit).with(as("focal.nairobi")));
        if (page.contains(SCRIPT) || !page.contains("&lt;script&gt;")) {
            wrong.add("GET " + edit + " renders the stored <script> title unescaped");
        }
        outcomes.add("GET edit after storing a <script> title: escaped = " + !page.contains(SCRIPT));
        expect("POST edit: title=SQL fragment", save(edit).param("title", SQL).param("summary", "x' OR '1'='1"), PAGE_OR_REDIRECT);
        Integer tables = jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'rm_application'",
                Integer.class);
        assertThat(tables).as("rm_application survived the SQL fragment").isEqualTo(1);

        expect("POST edit: submit with every field hostile", post(edit).with(csrf()).with(as("focal.nairobi"))
                .param("action", "submit").param("title", SCRIPT).param("requestedAmount", "-1").param("currency", "XYZ")
                .param("timelineStart", "yesterday").param("priorities", SQL), is(200));
        expect("POST withdraw: reason of 1 MB", post("/city/applications/" + draft + "/withdraw").param("reason", MEGABYTE)
                .with(csrf()).with(as("focal.nairobi")), status -> status == 302);
        expect("POST withdraw: reason blank", post("/city/applications/" + draft + "/withdraw").param("reason", "  ")
                .with(csrf()).with(as("focal.nairobi")), status -> status == 302);
        expect("POST report on a draft (no award)", post("/city/applications/" + draft + "/reports/r-1").param("narrative", "x")
                .with(csrf()).with(as("focal.nairobi")), is(404));
        expect("GET version abc", get("/city/applications/" + draft + "/versions/abc").with(as("focal.nairobi")), CLIENT_ERROR);
        expect("GET version 99999999999", get("/city/applications/" + draft + "/versions/99999999999").with(as("focal.nairobi")),
                CLIENT_ERROR);
        expect("GET version -1", get("/city/applications/" + draft + "/versions/-1").with(as("focal.nairobi")), CLIENT_ERROR);
        expect("PUT /city/applications", put("/city/applications").with(csrf()).with(as("focal.nairobi")), CLIENT_ERROR);
        expect("DELETE /city/applications/{draft}", delete("/city/applications/" + draft).with(csrf()).with(as("focal.nairobi")),
                CLIENT_ERROR);
    }

    private void otherCitiesAndGarbageIds(String draft) throws Exception {
        String path = "/city/applications/" + draft;
        expect("GET another city's application (focal.sarajevo)", get(path).with(as("focal.sarajevo")), is(404));
        expect("GET another city's edit page", get(path + "/edit").with(as("focal.sarajevo")), is(404));
        expect("POST submit of another city's application", complete(post(path + "/edit")).with(csrf())
                .with(as("focal.sarajevo")), is(404));
        expect("POST withdraw of another city's application", post(path + "/withdraw").param("reason", "mine now")
                .with(csrf()).with(as("focal.sarajevo")), is(404));
        expect("GET city portal as a hub reviewer", get("/city").with(as("hub.eastafrica")), is(403));
        expect("POST /city/applications anonymously", post("/city/applications").with(csrf()),
                status -> status == 302 || status == 401 || status == 403);
        for (String garbage : List.of("nope", "app-00000000", "' OR 1=1 --", SCRIPT, "a".repeat(5_000), "%00", "..",
                "%2e%2e%2fadmin", "ü∂ƒ©")) {
            expect("GET /city/applications/" + abbreviate(garbage), get("/city/applications/{id}", garbage).with(as("focal.nairobi")),
                    CLIENT_ERROR);
        }
        expect("GET /city/applications/..%2f..%2fetc%2fpasswd (raw)",
                get(URI.create("/city/applications/..%2f..%2fetc%2fpasswd")).with(as("focal.nairobi")), CLIENT_ERROR);
        expect("GET /css/../application.yml", get(URI.create("/css/../application.yml")), CLIENT_ERROR);
    }

    private void replayedSubmission(String draft) throws Exception {
        String edit = "/city/applications/" + draft + "/edit";
        expect("POST submit (the one intended submission)", complete(post(edit)).with(csrf()).with(as("focal.nairobi")),
                status -> status == 302);
        for (int replay = 1; replay <= 2; replay++) {
            MvcResult result = perform(complete(post(edit)).with(csrf()).with(as("focal.nairobi")));
            int status = result == null ? 500 : result.getResponse().getStatus();
            Object error = result == null ? null : result.getFlashMap().get("error");
            record("POST submit replayed #" + replay, status, status == 302 && error != null
                    && error.toString().contains("can no longer be changed"), String.valueOf(error));
        }
    }

    // ---- Everything else -----------------------------------------------------------------------

    private void publicAndAuditEndpoints() throws Exception {
        expect("GET /open-data/iati/activities.xml?from=garbage", get("/open-data/iati/activities.xml").param("from", "garbage"),
                is(400));
        expect("GET /open-data/iati/activities.xml?from=2027-01-01&to=2026-01-01",
                get("/open-data/iati/activities.xml").param("from", "2027-01-01").param("to", "2026-01-01"), is(400));
        expect("GET /open-data/iati/organisation.xml?to=<script>", get("/open-data/iati/organisation.xml").param("to", SCRIPT),
                is(400));
        expect("GET /open-data/360giving/grants.json?from=+999999999-01-01",
                get("/open-data/360giving/grants.json").param("from", "+999999999-01-01"), NOT_SERVER_ERROR);
        expect("GET /open-data/360giving/grants.csv?from=-999999999-01-01",
                get("/open-data/360giving/grants.csv").param("from", "-999999999-01-01"), NOT_SERVER_ERROR);
        expect("GET /open-data/360giving/grants.csv?from=0000-01-01&to=9999-12-31",
                get("/open-data/360giving/grants.csv").param("from", "0000-01-01").param("to", "9999-12-31"), NOT_SERVER_ERROR);
        expect("GET /transparency?x=<script>", get("/transparency").param("x", SCRIPT), is(200));
        expect("GET /transparency?page=-5", get("/transparency").param("page", "-5"), is(200));
        expect("GET /transparency?page=99999999999", get("/transparency").param("page", "99999999999"), is(400));
        expect("GET /finance/awards?page=abc", get("/finance/awards").param("page", "abc").with(as("finance.officer")), is(400));
        expect("GET /finance/awards?page=2147483647", get("/finance/awards").param("page", "2147483647")
                .with(as("finance.officer")), is(200));
        expect("GET /finance/tranches?paidPage=<script>", get("/finance/tranches").param("paidPage", SCRIPT)
                .with(as("finance.officer")), is(400));
        expect("GET /finance/tranches?scheduledPage=-1&x=<script>", get("/finance/tranches").param("scheduledPage", "-1")
                .param("x", SCRIPT).with(as("finance.officer")), is(200));
        expect("GET /audit/verify as a focal point", get("/audit/verify").with(as("focal.nairobi")), is(403));
        expect("GET /audit as a donor", get("/audit").with(as("donor.norway")), is(403));
        expect("GET /audit/verify anonymously", get("/audit/verify"), status -> status == 302 || status == 401);
        expect("GET /actuator/env as a focal point", get("/actuator/env").with(as("focal.nairobi")), CLIENT_ERROR);
        expect("GET /as-of?date=garbage", get("/as-of").param("date", "garbage").with(as("finance.officer")), is(400));
        expect("GET /as-of?date=9999-12-31", get("/as-of").param("date", "9999-12-31").with(as("finance.officer")), is(400));
        expect("GET /as-of?date=-999999999-01-01", get("/as-of").param("date", "-999999999-01-01").with(as("finance.officer")),
                NOT_SERVER_ERROR);
        expect("GET /as-of/case without application", get("/as-of/case").with(as("finance.officer")), is(400));
        expect("GET /as-of/case?application=<SQL>", get("/as-of/case").param("application", SQL).with(as("finance.officer")),
                is(404));
        expect("GET /as-of/case?application=x as a donor", get("/as-of/case").param("application", "x").with(as("donor.norway")),
                is(404));
        expect("GET /as-of as a focal point", get("/as-of").with(as("focal.nairobi")), is(403));
        expect("POST /login with a 1 MB username", post("/login").with(csrf()).param("username", MEGABYTE).param("password", "x"),
                status -> status == 302);
        expect("POST /login without CSRF token", post("/login").param("username", "admin").param("password", "demo-password"),
                CSRF_REFUSED);
    }

    private void financeAndDonorEndpoints() throws Exception {
        expect("POST /finance/contributions as a focal point", post("/finance/contributions").with(csrf())
                .with(as("focal.nairobi")).param("donorId", "donor-us").param("amount", "1"), is(403));
        expect("POST /finance/contributions as a donor", post("/finance/contributions").with(csrf())
                .with(as("donor.norway")).param("donorId", "donor-norway").param("amount", "1000000"), is(403));
        expect("POST /finance/contributions without CSRF token", post("/finance/contributions").with(as("finance.officer"))
                .param("donorId", "donor-us"), CSRF_REFUSED);
        expect("POST /finance/contributions with every field hostile", post("/finance/contributions").with(csrf())
                .with(as("finance.officer")).param("donorId", SCRIPT).param("amount", "-1").param("currency", "XYZ")
                .param("periodStart", "garbage").param("periodEnd", SQL).param("earmarkKind", "BOGUS"), is(200));
        expect("POST /finance/contributions amount of 1 MB", post("/finance/contributions").with(csrf())
                .with(as("finance.officer")).param("donorId", "donor-us").param("amount", MEGABYTE).param("currency", "USD")
                .param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31").param("earmarkKind", "UNRESTRICTED"), is(200));
        expect("POST /finance/contributions contributionId=<script>", post("/finance/contributions").with(csrf())
                .with(as("finance.officer")).param("contributionId", SCRIPT).param("donorId", "donor-nope").param("amount", "5")
                .param("currency", "USD").param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31")
                .param("earmarkKind", "UNRESTRICTED"), is(200));
        String receipts = "/finance/contributions/contribution-us-2026/receipts";
        expect("POST receipt amount=-5", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "-5")
                .param("currency", "USD").param("valueDate", "2026-06-01"), is(200));
        expect("POST receipt currency=XYZ", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "5")
                .param("currency", "XYZ").param("valueDate", "2026-06-01"), is(200));
        expect("POST receipt amount=1e400", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "1e400")
                .param("currency", "USD").param("valueDate", "2026-06-01"), is(200));
        expect("POST receipt in EUR with rate=abc", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "5")
                .param("currency", "EUR").param("rate", "abc").param("rateSource", SCRIPT).param("valueDate", "2026-06-01"), is(200));
        expect("POST receipt valueDate=yesterday", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "5")
                .param("currency", "USD").param("valueDate", "yesterday"), is(200));
        expect("POST receipt amount=0.001 USD", post(receipts).with(csrf()).with(as("finance.officer")).param("amount", "0.001")
                .param("currency", "USD").param("valueDate", "2026-06-01"), is(200));
        expect("POST receipt as the finance approver", post(receipts).with(csrf()).with(as("finance.approver")).param("amount", "5")
                .param("currency", "USD").param("valueDate", "2026-06-01"), is(403));
        expect("POST receipt on an unknown contribution", post("/finance/contributions/nope/receipts").with(csrf())
                .with(as("finance.officer")).param("amount", "5").param("currency", "USD").param("valueDate", "2026-06-01"), is(404));
        for (String path : List.of("/finance/contributions/nope", "/finance/contributions/nope/ledger.csv", "/finance/audit/nope",
                "/finance/audit/nope/audit.csv", "/finance/awards/nope", "/finance/awards/nope/tranches.csv",
                "/finance/awards/nope/funding.csv", "/finance/tranches/nope/t-1/payment")) {
            expect("GET " + path + " (finance.officer)", get(path).with(as("finance.officer")), is(404));
        }
        expect("GET /finance/audit/<SQL>", get("/finance/audit/{id}", SQL).with(as("finance.officer")), CLIENT_ERROR);
        expect("GET /finance as a focal point", get("/finance").with(as("focal.nairobi")), is(403));
        expect("POST /finance/tranches/nope/t-1/request", post("/finance/tranches/nope/t-1/request").with(csrf())
                .with(as("finance.officer")), is(404));
        expect("POST /finance/tranches/nope/t-1/approve as the officer", post("/finance/tranches/nope/t-1/approve").with(csrf())
                .with(as("finance.officer")), is(403));
        expect("POST /finance/tranches/nope/t-1/payment", post("/finance/tranches/nope/t-1/payment").with(csrf())
                .with(as("finance.officer")).param("paymentReference", SCRIPT).param("valueDate", "garbage"), is(404));
        expect("POST /finance/awards/nope/refunds", post("/finance/awards/nope/refunds").with(csrf()).with(as("finance.officer"))
                .param("amount", "-1").param("reason", MEGABYTE), is(404));
        for (String kind : List.of("new-end-date", "budget-lines", "more-money")) {
            String amendments = "/finance/awards/nope/amendments/" + kind;
            expect("POST " + amendments, post(amendments).with(csrf()).with(as("finance.officer"))
                    .param("amendmentId", SCRIPT).param("newEndDate", "+999999999-12-31").param("reason", MEGABYTE)
                    .param("budgetLines[0].amount", "1e400"), is(404));
            expect("POST " + amendments + " as a focal point", post(amendments).with(csrf()).with(as("focal.nairobi"))
                    .param("reason", "x"), is(403));
            expect("POST " + amendments + " as the finance approver", post(amendments).with(csrf())
                    .with(as("finance.approver")).param("reason", "x"), is(403));
            expect("POST " + amendments + " without CSRF token", post(amendments).with(as("finance.officer"))
                    .param("reason", "x"), CSRF_REFUSED);
            expect("POST " + amendments + " budgetLines[300] (beyond the binder's growth limit)", post(amendments)
                    .with(csrf()).with(as("finance.officer")).param("budgetLines[300].description", "x")
                    .param("allocations[300].amount", "x").param("tranches[300].plannedDate", "x"), NOT_SERVER_ERROR);
            expect("POST " + amendments + " budgetLines[abc]", post(amendments).with(csrf()).with(as("finance.officer"))
                    .param("budgetLines[abc].amount", "x").param("tranches[-1].amount", "x"), NOT_SERVER_ERROR);
        }
        expect("GET another donor's contribution (donor.norway -> contribution-us-2026)",
                get("/donor/contributions/contribution-us-2026").with(as("donor.norway")), is(404));
        expect("GET /donor/contributions/<SQL>", get("/donor/contributions/{id}", SQL).with(as("donor.norway")), CLIENT_ERROR);
        expect("GET /donor as a focal point", get("/donor").with(as("focal.nairobi")), is(403));
        expect("GET /donor/contributions.csv as finance", get("/donor/contributions.csv").with(as("finance.officer")), is(403));
    }

    private void tasksAdminAndAccountEndpoints(String submitted) throws Exception {
        expect("GET /tasks?search=<1 MB> as a hub reviewer", get("/tasks").param("search", MEGABYTE).with(as("hub.eastafrica")),
                NOT_SERVER_ERROR);
        expect("GET /tasks/nope as a hub reviewer", get("/tasks/nope").with(as("hub.eastafrica")), CLIENT_ERROR);
        for (String action : List.of("claim", "unclaim", "conflict-of-interest", "review", "revision", "decision", "confirm",
                "withhold", "report", "tranche-approval", "tranche-payment", "amendment", "close-out")) {
            expect("POST /tasks/nope/" + action + " with garbage", post("/tasks/nope/" + action).with(csrf())
                    .with(as("central.reviewer")).param("decisionType", SCRIPT).param("approvedAmount", "-1")
                    .param("score", "abc").param("recommendation", SQL).param("reason", MEGABYTE), CLIENT_ERROR);
        }
        expect("POST /tasks/claim with 500 garbage task ids", post("/tasks/claim").with(csrf()).with(as("hub.eastafrica"))
                .param("taskId", java.util.Collections.nCopies(500, SQL).toArray(String[]::new)), NOT_SERVER_ERROR);
        expect("GET /tasks as a focal point", get("/tasks").with(as("focal.nairobi")), NOT_SERVER_ERROR);
        expect("GET /admin as a focal point", get("/admin").with(as("focal.nairobi")), CLIENT_ERROR);
        expect("POST /admin/cities as a focal point", post("/admin/cities").with(csrf()).with(as("focal.nairobi"))
                .param("name", "Evil City"), CLIENT_ERROR);
        expect("POST /admin/cities with hostile fields", post("/admin/cities").with(csrf()).with(as("admin"))
                .param("cityId", SCRIPT).param("name", "").param("country", "XYZZY").param("region", "MARS")
                .param("hubId", SQL).param("populationBand", "HUGE"), NOT_SERVER_ERROR);
        expect("POST /admin/hubs with hostile fields", post("/admin/hubs").with(csrf()).with(as("admin"))
                .param("hubId", "").param("name", MEGABYTE).param("region", "MARS"), NOT_SERVER_ERROR);
        expect("POST /admin/donors with hostile fields", post("/admin/donors").with(csrf()).with(as("admin"))
                .param("donorId", "").param("name", "").param("type", "ALIEN").param("country", "??"), NOT_SERVER_ERROR);
        expect("POST /admin/cities/nope/membership", post("/admin/cities/nope/membership").with(csrf()).with(as("admin"))
                .param("action", SCRIPT).param("reason", MEGABYTE), CLIENT_ERROR.or(PAGE_OR_REDIRECT));
        expect("POST /admin/cities/nope/focal-points", post("/admin/cities/nope/focal-points").with(csrf()).with(as("admin"))
                .param("focalPointAccount", SQL).param("focalPointEmail", "not-an-email"), CLIENT_ERROR.or(PAGE_OR_REDIRECT));
        expect("GET /admin/cities/<script>", get("/admin/cities/{id}", SCRIPT).with(as("admin")), CLIENT_ERROR);
        expect("POST /admin/accounts/nope/enabled?enabled=maybe", post("/admin/accounts/nope/enabled").with(csrf())
                .with(as("admin")).param("enabled", "maybe"), CLIENT_ERROR);
        expect("POST /admin/accounts/nope/enabled?enabled=false", post("/admin/accounts/nope/enabled").with(csrf())
                .with(as("admin")).param("enabled", "false"), CLIENT_ERROR.or(PAGE_OR_REDIRECT));
        expect("POST /admin/accounts with hostile fields", post("/admin/accounts").with(csrf()).with(as("admin"))
                .param("username", SCRIPT).param("role", "GOD").param("password", ""), NOT_SERVER_ERROR);
        expect("POST /admin/accounts as finance", post("/admin/accounts").with(csrf()).with(as("finance.officer"))
                .param("username", "evil").param("role", "ADMINISTRATOR"), CLIENT_ERROR);
        expect("POST /admin/processes/jobs/nope/retry", post("/admin/processes/jobs/nope/retry").with(csrf()).with(as("admin")),
                CLIENT_ERROR.or(PAGE_OR_REDIRECT));
        expect("POST /admin/processes/jobs/nope/retry as a focal point", post("/admin/processes/jobs/nope/retry").with(csrf())
                .with(as("focal.nairobi")), CLIENT_ERROR);
        expect("POST /admin/read-models/<SQL>/rebuild", post("/admin/read-models/{name}/rebuild", SQL).with(csrf())
                .with(as("admin")), CLIENT_ERROR.or(PAGE_OR_REDIRECT));
        expect("POST /admin/read-models/ledger/rebuild as finance", post("/admin/read-models/ledger/rebuild").with(csrf())
                .with(as("finance.approver")), CLIENT_ERROR);
        expect("GET /admin/cases?status=<SQL>", get("/admin/cases").param("status", SQL).param("page", "-1").with(as("admin")),
                NOT_SERVER_ERROR);
        expect("POST /admin/cases/<unknown>/reopen", post("/admin/cases/app-nope/reopen").with(csrf())
                .with(as("central.reviewer")).param("reason", SCRIPT), CLIENT_ERROR);
        expect("POST /admin/cases/<SQL>/reopen", post("/admin/cases/{id}/reopen", SQL).with(csrf())
                .with(as("central.reviewer")).param("reason", SQL), CLIENT_ERROR);
        expect("POST /admin/cases/<submitted>/reopen with a 1 MB reason", post("/admin/cases/{id}/reopen", submitted)
                .with(csrf()).with(as("central.reviewer")).param("reason", MEGABYTE), PAGE_OR_REDIRECT);
        expect("POST /admin/cases/<submitted>/reopen, not decided", post("/admin/cases/{id}/reopen", submitted)
                .with(csrf()).with(as("central.reviewer")).param("reason", SCRIPT), PAGE_OR_REDIRECT);
        expect("POST /admin/cases/<submitted>/reopen as its focal point", post("/admin/cases/{id}/reopen", submitted).with(csrf())
                .with(as("focal.nairobi")).param("reason", "mine"), CLIENT_ERROR);
        expect("POST /account/password, new passwords differ", post("/account/password").with(csrf()).with(as("focal.nairobi"))
                .param("currentPassword", "wrong").param("newPassword", MEGABYTE).param("confirmPassword", "other"),
                NOT_SERVER_ERROR);
    }

    /** Through the real Tomcat: a 3 MB form body is beyond the container's form size limit. */
    private void containerLimits(String draft) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String body = "title=" + "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/city/applications/" + draft + "/edit"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        record("HTTP POST edit with a 3 MB form body, anonymous", response.statusCode(),
                response.statusCode() < 500, "");
        HttpResponse<String> headers = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/transparency"))
                .header("X-Huge", "y".repeat(60_000)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        record("HTTP GET /transparency with a 60 kB header", headers.statusCode(), headers.statusCode() < 500, "");
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder save(String edit) {
        return post(edit).with(csrf()).with(as("focal.nairobi")).param("action", "save");
    }

    private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request) {
        List<String> values = WebUser.completeApplication();
        for (int i = 0; i + 1 < values.size(); i += 2) {
            request.param(values.get(i), values.get(i + 1));
        }
        return request;
    }

    private RequestPostProcessor as(String username) {
        return SignedIn.as(users, username);
    }

    private static IntPredicate is(int expected) {
        return status -> status == expected;
    }

    private void expect(String what, MockHttpServletRequestBuilder request, IntPredicate acceptable) {
        MvcResult result = perform(request);
        if (result == null) {
            record(what, 500, false, lastFailure);
            return;
        }
        int status = result.getResponse().getStatus();
        String message = result.getResponse().getErrorMessage();
        record(what, status, acceptable.test(status), message == null ? "" : message);
    }

    /** A 200 page that names the problem. */
    private void expectPage(String what, MockHttpServletRequestBuilder request, String message) throws Exception {
        MvcResult result = perform(request);
        if (result == null) {
            record(what, 500, false, lastFailure);
            return;
        }
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString();
        boolean clear = status == 200 && body.contains(message);
        record(what, status, clear, clear ? "says '" + message + "'" : "expected a page saying '" + message + "'");
    }

    private String lastFailure = "";

    private MvcResult perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            lastFailure = "exception: " + root.getClass().getName() + ": " + abbreviate(String.valueOf(root.getMessage()));
            return null;
        }
    }

    private void record(String what, int status, boolean acceptable, String detail) {
        String line = (acceptable ? "ok    " : "WRONG ") + status + "  " + what + (detail.isBlank() ? "" : "  — " + abbreviate(detail));
        outcomes.add(line);
        if (!acceptable) {
            wrong.add(line);
        }
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private String startDraft(String focalPoint) throws Exception {
        MvcResult created = mvc.perform(post("/city/applications").with(csrf()).with(as(focalPoint))).andReturn();
        return created.getResponse().getRedirectedUrl().split("/")[3];
    }

    /** Lets the background work of earlier tests (eligibility jobs, projections) finish first. */
    private void quiesce() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject("""
                SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())""",
                Integer.class) > 0) {
            FundProcess.sleep(100);
        }
        readModels.awaitCaughtUp();
    }

    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                AND (table_name LIKE 'rm\\_%' OR table_name IN ('account', 'act_hi_procinst', 'tokenentry'))
                ORDER BY table_name""", String.class)) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
    }
}
