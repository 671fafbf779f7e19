package org.strongcities.fund.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.nio.charset.StandardCharsets;

/**
 * Spring Boot's error controller (the HTML page for browsers, a JSON body for the rest), with one change:
 * a client that accepts neither, such as an IATI tool asking the open-data files for XML only, gets the
 * status and a line of plain text (with the reason from {@link ErrorReasons}, if any) instead of an
 * empty body it cannot tell anything from.
 */
@Controller
class ErrorPages extends BasicErrorController {

    private static final MediaType PLAIN_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    ErrorPages(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Object reason = getErrorAttributes(request, ErrorAttributeOptions.defaults()).get(ErrorReasons.REASON);
        String text = status.value() + " " + status.getReasonPhrase() + (reason == null ? "" : ": " + reason) + "\n";
        // Set, not negotiated: the client accepts none of our types, and a readable line beats an empty body.
        return ResponseEntity.status(status).contentType(PLAIN_TEXT).body(text);
    }
}
