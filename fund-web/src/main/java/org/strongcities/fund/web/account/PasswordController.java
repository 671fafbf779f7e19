package org.strongcities.fund.web.account;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.security.FundUser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every signed-in person changes their own password here: the current one proves it is them, the
 * new one is typed twice. The rules (length, not the same as before) are checked here so that
 * each message stands beside its field; Accounts checks them again and stores only the hash.
 */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class PasswordController {

    static final int MINIMUM_LENGTH = 10;

    private final Accounts accounts;
    private final MessageSource messages;

    PasswordController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String form(@AuthenticationPrincipal FundUser user, Model model) {
        return page(model, user, new LinkedHashMap<>(), null);
    }

    @PostMapping
    String change(@AuthenticationPrincipal FundUser user, @ModelAttribute PasswordForm form, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.getCurrentPassword().isEmpty()) {
            errors.put("currentPassword", text("account.password.error.currentMissing"));
        }
        if (form.getNewPassword().length() < MINIMUM_LENGTH) {
            errors.put("newPassword", text("account.password.error.short", MINIMUM_LENGTH));
        } else if (form.getNewPassword().equals(form.getCurrentPassword())) {
            errors.put("newPassword", text("account.password.error.same"));
        }
        if (!form.getRepeatPassword().equals(form.getNewPassword())) {
            errors.put("repeatPassword", text("account.password.error.repeat"));
        }
        if (errors.isEmpty()) {
            try {
                accounts.changePassword(user.getUsername(), form.getCurrentPassword(), form.getNewPassword());
            } catch (IllegalArgumentException refused) {
                // The one rule only Accounts can check is the current password; any other refusal concerns the new one.
                boolean current = refused.getMessage() != null && refused.getMessage().contains("current password is wrong");
                errors.put(current ? "currentPassword" : "newPassword",
                        current ? text("account.password.error.current") : refused.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return page(model, user, errors, text("account.password.error"));
        }
        redirect.addFlashAttribute("message", text("account.password.changed"));
        return "redirect:/account/password";
    }

    private String page(Model model, FundUser user, Map<String, String> errors, String error) {
        model.addAttribute("user", user);
        model.addAttribute("errors", errors);
        model.addAttribute("minimumLength", MINIMUM_LENGTH);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "account/password";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
