package org.strongcities.fund.web.finance;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** Texts from the message bundles in the request's language, for downloads and notices built in code. */
@Component
public class FinanceText {

    private final MessageSource messages;

    FinanceText(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    public String message(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    public List<String> headers(String... keys) {
        return Arrays.stream(keys).map(this::message).toList();
    }

    /** "Unrestricted", "Region: West Africa", … */
    public String earmark(ContributionBalance balance) {
        return message("finance.earmark." + balance.earmarkKind(), balance.earmarkLabel());
    }
}
