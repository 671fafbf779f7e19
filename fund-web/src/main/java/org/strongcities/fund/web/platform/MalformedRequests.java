package org.strongcities.fund.web.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request no page of ours could have sent (a form field that does not exist, a list index out
 * of range, letters where a number belongs in the address) is the sender's mistake: answer 400
 * with a page that says so, never a 500, and store nothing.
 */
@ControllerAdvice
class MalformedRequests {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    @ExceptionHandler({InvalidPropertyException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView malformed(Exception e) {
        log.info("Refused a malformed request: {}", e.getClass().getSimpleName());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 400);
        page.addObject("error", "Bad request");
        page.addObject("reason", "The request contained values this page does not have. Reload the page and try again.");
        return page;
    }
}
