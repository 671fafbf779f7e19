package org.strongcities.fund.web.platform;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures lend their reason to the error page: only 4xx refusals our code wrote for people. */
class ErrorReasonsTest {

    private final ErrorReasons reasons = new ErrorReasons();

    @Test
    void aClientErrorWeWroteGivesItsReason() {
        Map<String, Object> page = attributes(400, new ResponseStatusException(HttpStatus.BAD_REQUEST, "Dates must lie between"));
        assertThat(page).containsEntry(ErrorReasons.REASON, "Dates must lie between").doesNotContainKey("message");
    }

    @Test
    void aServerErrorGivesNoReasonEvenWhenOneIsWritten() {
        Map<String, Object> page = attributes(503, new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Try later"));
        assertThat(page).doesNotContainKeys(ErrorReasons.REASON, "message");
    }

    @Test
    void aClientErrorWhoseAnswerBecameAServerErrorGivesNoReason() {
        // The refusal was recorded, but the error dispatch failed in turn: the page shown is the server error's.
        Map<String, Object> page = attributes(500, new ResponseStatusException(HttpStatus.BAD_REQUEST, "Dates must lie between"));
        assertThat(page).doesNotContainKey(ErrorReasons.REASON);
    }

    @Test
    void anUnexpectedExceptionGivesNothingOfItsMessage() {
        Map<String, Object> page = attributes(500, new IllegalStateException("ERROR: relation rm_secret does not exist"));
        assertThat(page).doesNotContainKeys(ErrorReasons.REASON, "message", "exception", "trace");
        assertThat(page.toString()).doesNotContain("rm_secret", "IllegalStateException");
    }

    @Test
    void aRefusalWithoutReasonOrFromSpringGivesNone() {
        assertThat(attributes(404, new ResponseStatusException(HttpStatus.NOT_FOUND))).doesNotContainKey(ErrorReasons.REASON);
        // Spring's subclasses word their reasons for developers.
        assertThat(attributes(400, new ServerWebInputException("Required parameter 'from' is not present")))
                .doesNotContainKey(ErrorReasons.REASON);
        // Thrown by library code, even as the plain class.
        ResponseStatusException fromLibrary = new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid endpoint input");
        fromLibrary.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.springframework.Somewhere", "handle", "Somewhere.java", 1)});
        assertThat(attributes(400, fromLibrary)).doesNotContainKey(ErrorReasons.REASON);
    }

    /** As in the container: the resolver records the exception, the error dispatch carries the status. */
    private Map<String, Object> attributes(int status, Exception failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        reasons.resolveException(request, new MockHttpServletResponse(), null, failure);
        return reasons.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
    }
}
