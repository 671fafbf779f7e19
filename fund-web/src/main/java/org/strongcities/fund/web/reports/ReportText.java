package org.strongcities.fund.web.reports;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts of messages-reports (and the finance bundle it builds on) in the request's language, for the PDFs. */
@Component
class ReportText {

    private final MessageSource messages;

    ReportText(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
