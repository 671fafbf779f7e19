package org.strongcities.fund.web.platform;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/**
 * What the error page (templates/error.html) and the error body of other clients get: Spring Boot's
 * attributes, plus "reason" when a controller of ours refused the request with a 4xx
 * {@link ResponseStatusException} and wrote a reason for the person ("Dates must lie between ...").
 * Bad input must get a message that says what to fix.
 * <p>
 * server.error.include-message stays "never": any other exception's message, and every 5xx, may carry
 * internal detail (SQL, class names, ids), so those keep the page's generic text. Reasons are taken only
 * from exceptions thrown in our own code (not Spring's subclasses, whose reasons are not written for
 * people) and are rendered with th:text, so whatever they echo is escaped. A reason must never name what
 * the person may not see: see CityPortalController.inCityWords for the rule on internal ids.
 */
@Component
class ErrorReasons extends DefaultErrorAttributes {

    static final String REASON = "reason";
    private static final String OUR_CODE = "org.strongcities.";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (getError(request) instanceof ResponseStatusException refused && writtenForPeople(refused)) {
            attributes.put(REASON, refused.getReason());
        }
        return attributes;
    }

    private static boolean writtenForPeople(ResponseStatusException refused) {
        StackTraceElement[] thrownAt = refused.getStackTrace();
        return refused.getStatusCode().is4xxClientError()
                && refused.getReason() != null && !refused.getReason().isBlank()
                && refused.getClass() == ResponseStatusException.class
                && thrownAt.length > 0 && thrownAt[0].getClassName().startsWith(OUR_CODE);
    }
}
