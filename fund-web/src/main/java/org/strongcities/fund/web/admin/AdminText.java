package org.strongcities.fund.web.admin;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts of the admin screens from messages-admin.properties, in the language of the request. */
@Component
class AdminText {

    private final MessageSource messages;

    AdminText(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
