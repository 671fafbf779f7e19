package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page through the real container (Tomcat's error dispatch to /error, which MockMvc skips): a
 * refusal we wrote for the visitor says what to fix; a server-side failure says only the generic text.
 */
class OpenDataErrorPageTest extends ApplicationTest {

    private static final String GENERIC_BAD = "Something in the request was not what this page expects";
    private static final String GENERIC_SERVER = "Nothing you sent was stored half-way";

    @Autowired
    TestRestTemplate http;
    @Autowired
    OpenDataController controller;

    @Test
    void aBackwardsPeriodShowsItsReasonOnThePage() {
        ResponseEntity<String> page = get("/open-data/iati/activities.xml?from=2027-01-01&to=2026-01-01", MediaType.TEXT_HTML);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("The request could not be used",
                        "The period ends (2026-01-01) before it starts (2027-01-01)")
                .doesNotContain(GENERIC_BAD);
    }

    @Test
    void aYearOutOfRangeShowsItsReasonToABrowserAndToAJsonClient() {
        String url = "/open-data/360giving/grants.json?from=1850-01-01";
        ResponseEntity<String> page = get(url, MediaType.TEXT_HTML);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("Dates must lie between the years 1900 and 9998");

        ResponseEntity<String> json = get(url, MediaType.APPLICATION_JSON);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(json.getBody()).contains("\"status\":400", "\"reason\":\"Dates must lie between the years 1900 and 9998\"")
                .doesNotContain("\"message\"", "\"trace\"", "Exception");
    }

    @Test
    void aClientThatAcceptsOnlyXmlGetsTheStatusAndALineOfText() {
        ResponseEntity<String> xml = get("/open-data/iati/organisation.xml?from=2027-01-01&to=2026-01-01",
                MediaType.APPLICATION_XML);
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(xml.getBody()).isEqualTo("400 Bad Request: The period ends (2026-01-01) before it starts (2027-01-01)\n");

        ResponseEntity<String> busy = withAllFilesUnderWay(() -> get("/open-data/iati/activities.xml", MediaType.APPLICATION_XML));
        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(busy.getBody()).isEqualTo("503 Service Unavailable\n");
    }

    @Test
    void aCommonDownloadClientGetsAReadableBody() {
        // curl and most download tools send "Accept: */*".
        ResponseEntity<String> any = get("/open-data/360giving/grants.csv?from=2027-01-01&to=2026-01-01", MediaType.ALL);
        assertThat(any.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(any.getBody()).contains("The period ends (2026-01-01) before it starts (2027-01-01)");
    }

    @Test
    void aServerSideRefusalShowsOnlyTheGenericText() {
        // A 503 whose reason happens to be written for people: every 5xx keeps the generic text all the same.
        ResponseEntity<String> page = withAllFilesUnderWay(() -> get("/open-data/360giving/grants.json", MediaType.TEXT_HTML));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(page.getBody()).contains("Something went wrong on our side", GENERIC_SERVER)
                .doesNotContain("half a minute", "Exception");

        ResponseEntity<String> json = withAllFilesUnderWay(() -> get("/open-data/360giving/grants.json", MediaType.APPLICATION_JSON));
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json.getBody()).doesNotContain("half a minute", "\"reason\"", "\"message\"");
    }

    @Test
    void aMissingCsrfTokenShowsNothingNew() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "admin");
        form.add("password", "demo-password");
        ResponseEntity<String> page = http.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("Not allowed", "Your account may not open this page or do this")
                .doesNotContainIgnoringCase("csrf");
    }

    private <T> T withAllFilesUnderWay(Supplier<T> request) {
        try {
            controller.filesAtOnce.acquire(OpenDataController.FILES_AT_ONCE);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        try {
            return request.get();
        } finally {
            controller.filesAtOnce.release(OpenDataController.FILES_AT_ONCE);
        }
    }

    private ResponseEntity<String> get(String url, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
