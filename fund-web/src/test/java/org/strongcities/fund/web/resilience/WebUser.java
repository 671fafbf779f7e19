package org.strongcities.fund.web.resilience;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person in a browser, without the browser: form login, the session cookie, and the CSRF token
 * scraped from the pages, against the real endpoints over loopback HTTP.
 */
public final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern DRAFT = Pattern.compile("/city/applications/(app-[0-9a-f]{8})/edit$");

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String baseUrl;
    private String csrf;

    private WebUser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the login form; throws when the credentials are refused. */
    public static WebUser signIn(String baseUrl, String username, String password) throws IOException {
        WebUser user = new WebUser(baseUrl);
        user.csrf = token(user.get("/login").body());
        HttpResponse<String> login = user.post("/login", List.of("username", username, "password", password));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IOException("Sign-in of " + username + " refused: " + login.statusCode() + " " + location);
        }
        // The session id and the token change at sign-in: take the new token from a page.
        user.csrf = token(user.get("/").body());
        return user;
    }

    /** The signed-in session as a Cookie header value, for a load generator outside the JVM. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts a form (name, value, name, value, ...) with this session's CSRF token. */
    public HttpResponse<String> post(String path, List<String> nameValues) throws IOException {
        List<String> withToken = new ArrayList<>(nameValues);
        withToken.add("_csrf");
        withToken.add(csrf);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < withToken.size(); i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(withToken.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(withToken.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** POST /city/applications: the new draft's id when the portal acknowledged it (302 to its edit page). */
    public Optional<String> createDraft() throws IOException {
        HttpResponse<String> response = post("/city/applications", List.of());
        Matcher draft = DRAFT.matcher(response.headers().firstValue("Location").orElse(""));
        return response.statusCode() == 302 && draft.find() ? Optional.of(draft.group(1)) : Optional.empty();
    }

    /**
     * Submits a complete application through the edit form; true when the portal acknowledged it
     * (302 to the case page, which is where it goes only after the submit command succeeded).
     */
    public SubmitOutcome submit(String applicationId) throws IOException {
        HttpResponse<String> response = post("/city/applications/" + applicationId + "/edit", completeApplication());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() == 302 && location.endsWith("/city/applications/" + applicationId)) {
            return SubmitOutcome.ACKNOWLEDGED;
        }
        return response.statusCode() == 404 ? SubmitOutcome.NOT_FOUND : SubmitOutcome.REFUSED;
    }

    public enum SubmitOutcome { ACKNOWLEDGED, NOT_FOUND, REFUSED }

    public static List<String> completeApplication() {
        return List.of("action", "submit",
                "title", "Youth dialogue for safer neighbourhoods",
                "summary", "Monthly dialogues between young people, police and ward leaders.",
                "priorities", "YOUTH_ENGAGEMENT", "priorities", "NATIONAL_LOCAL_COORDINATION",
                "supportType", "COMMUNITY_YOUTH_ENGAGEMENT",
                "requestedAmount", "20000", "currency", "USD",
                "budgetLines[0].first", "Facilitation", "budgetLines[0].second", "12000",
                "budgetLines[1].first", "Venues and travel", "budgetLines[1].second", "8000",
                "timelineStart", "2027-01-01", "timelineEnd", "2027-12-31",
                "objectives", "Build trust between youth and local institutions.",
                "indicators[0].first", "Dialogues held", "indicators[0].second", "0", "indicators[0].third", "12",
                "risks", "Low turnout; mitigated with youth-led outreach.",
                "doNoHarm", "No names recorded; venues chosen with participants.");
    }

    static String token(String page) throws IOException {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IOException("No CSRF token on the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
