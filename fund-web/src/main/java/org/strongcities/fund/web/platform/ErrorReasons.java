package org.strongcities.fund.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

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
    /**
     * Kept in a request attribute of its own, when the refusal is resolved: the error dispatch may throw
     * again (a client that accepts neither HTML nor JSON, see ErrorPages), and then the exception that
     * DefaultErrorAttributes keeps is that one, not the refusal.
     */
    private static final String REASON_ATTRIBUTE = ErrorReasons.class.getName() + ".REASON";
    private static final String OUR_CODE = "org.strongcities.";

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (failure instanceof ResponseStatusException refused && writtenForPeople(refused)) {
            request.setAttribute(REASON_ATTRIBUTE, refused.getReason());
        }
        return super.resolveException(request, response, handler, failure);
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object reason = request.getAttribute(REASON_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        // The status that is answered, too, must be a 4xx: never a reason under a server error's heading.
        if (reason != null && attributes.get("status") instanceof Integer status && status >= 400 && status < 500) {
            attributes.put(REASON, reason);
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
