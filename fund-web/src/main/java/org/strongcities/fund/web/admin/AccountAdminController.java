package org.strongcities.fund.web.admin;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.web.security.Account;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.security.Role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sign-in accounts: list, create (bound to the city, hub or donor its role acts for) and
 * enable or disable. Every check the database would make (the CHECK constraints on the binding,
 * the unique user name) is made here first, so the administrator reads a sentence, not an error page.
 */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AccountAdminController {

    static final int MINIMUM_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,79}");

    private final Accounts accounts;
    private final Directory directory;
    private final AdminText text;

    AccountAdminController(Accounts accounts, Directory directory, AdminText text) {
        this.accounts = accounts;
        this.directory = directory;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        return page(model, new AccountForm(), new LinkedHashMap<>(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") AccountForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = check(form, errors);
        if (!errors.isEmpty()) {
            return page(model, form, errors, text.get("admin.form.invalid"));
        }
        Account account = Account.of(form.getUsername(), form.getDisplayName(), role);
        switch (role) {
            case CITY_FOCAL_POINT -> account = account.forCity(form.getCityId());
            case HUB_REVIEWER, HUB_LEAD -> account = account.forHub(form.getHubId());
            case DONOR -> account = account.forDonor(form.getDonorId());
            default -> {
            }
        }
        try {
            accounts.create(account, form.getInitialPassword());
        } catch (IllegalArgumentException refused) {
            errors.put(refused.getMessage().contains("password") ? "initialPassword" : "username", refused.getMessage());
            return page(model, form, errors, text.get("admin.form.invalid"));
        } catch (DataIntegrityViolationException refused) {
            return page(model, form, errors, text.get("admin.accounts.error.binding"));
        }
        redirect.addFlashAttribute("message", text.get("admin.accounts.created", account.username()));
        if (role == Role.CITY_FOCAL_POINT && directory.city(form.getCityId())
                .filter(city -> !city.hasFocalPoint(form.getUsername())).isPresent()) {
            redirect.addFlashAttribute("notice", text.get("admin.accounts.notFocalPoint", account.username()));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{username}/enabled")
    String setEnabled(@AuthenticationPrincipal FundUser user, @PathVariable String username,
                      @RequestParam boolean enabled, RedirectAttributes redirect) {
        if (accounts.find(username).isEmpty()) {
            redirect.addFlashAttribute("error", text.get("admin.accounts.error.unknown", username));
        } else if (!enabled && username.equals(user.getUsername())) {
            redirect.addFlashAttribute("error", text.get("admin.accounts.error.self"));
        } else {
            accounts.setEnabled(username, enabled);
            redirect.addFlashAttribute("message",
                    text.get(enabled ? "admin.accounts.enabledNow" : "admin.accounts.disabledNow", username));
        }
        return "redirect:/admin/accounts";
    }

    private Role check(AccountForm form, Map<String, String> errors) {
        if (!USERNAME.matcher(form.getUsername()).matches()) {
            errors.put("username", text.get("admin.accounts.error.username"));
        } else if (accounts.find(form.getUsername()).isPresent()) {
            errors.put("username", text.get("admin.accounts.error.taken", form.getUsername()));
        }
        if (form.getDisplayName().isBlank() || form.getDisplayName().length() > 200) {
            errors.put("displayName", text.get("admin.accounts.error.displayName"));
        }
        Role role = null;
        try {
            role = Role.valueOf(form.getRole());
        } catch (IllegalArgumentException unknown) {
            errors.put("role", text.get("admin.accounts.error.role"));
        }
        if (role == Role.CITY_FOCAL_POINT && directory.city(form.getCityId()).isEmpty()) {
            errors.put("cityId", text.get("admin.accounts.error.city"));
        }
        if ((role == Role.HUB_REVIEWER || role == Role.HUB_LEAD) && directory.hub(form.getHubId()).isEmpty()) {
            errors.put("hubId", text.get("admin.accounts.error.hub"));
        }
        if (role == Role.DONOR && directory.donor(form.getDonorId()).isEmpty()) {
            errors.put("donorId", text.get("admin.accounts.error.donor"));
        }
        if (form.getInitialPassword().length() < MINIMUM_PASSWORD_LENGTH) {
            errors.put("initialPassword", text.get("admin.accounts.error.password", MINIMUM_PASSWORD_LENGTH));
        }
        return role;
    }

    private String page(Model model, AccountForm form, Map<String, String> errors, String error) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (error != null) {
            model.addAttribute("error", error);
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("cities", directory.cities());
        model.addAttribute("hubs", directory.hubs());
        model.addAttribute("donors", directory.donors());
        return "admin/accounts";
    }
}
