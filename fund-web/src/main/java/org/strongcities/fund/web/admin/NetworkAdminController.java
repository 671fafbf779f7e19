package org.strongcities.fund.web.admin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.domain.api.AddFocalPointCommand;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.EndMembershipCommand;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.RegisterRegionalHubCommand;
import org.strongcities.fund.domain.api.ReinstateMembershipCommand;
import org.strongcities.fund.domain.api.SuspendMembershipCommand;
import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.security.FundUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Network's directory: Regional Hubs, member cities (with their membership and focal points)
 * and donors. Every change is a domain command; the domain's refusal (a city on contested
 * territory, no commitment to the Guiding Principles, an unknown country) is shown beside the
 * field it concerns and nothing is stored.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class NetworkAdminController {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,99}");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,79}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_NAME = 200;
    private static final int MAX_REASON = 1000;

    private final CommandGateway commands;
    private final Directory directory;
    private final ReadModels readModels;
    private final AdminText text;

    NetworkAdminController(CommandGateway commands, Directory directory, ReadModels readModels, AdminText text) {
        this.commands = commands;
        this.directory = directory;
        this.readModels = readModels;
        this.text = text;
    }

    // ---- Regional Hubs

    @GetMapping("/hubs")
    String hubs(Model model) {
        return hubsPage(model, new HubForm(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/hubs")
    String registerHub(@AuthenticationPrincipal FundUser user, @ModelAttribute("form") HubForm form, Model model,
                       RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String hubId = form.getHubId().isEmpty() ? Directory.idFor("hub", form.getName()) : form.getHubId();
        requireName(form.getName(), errors);
        requireNewId(hubId, directory.hub(hubId).isPresent(), errors);
        Region region = region(form.getRegion(), errors);
        if (form.getHostOrganisation().isBlank() || form.getHostOrganisation().length() > MAX_NAME) {
            errors.put("hostOrganisation", text.get("admin.hubs.error.host"));
        }
        if (!errors.isEmpty()) {
            return hubsPage(model, form, errors, text.get("admin.form.invalid"));
        }
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(new RegisterRegionalHubCommand(
                hubId, form.getName(), region, form.getHostOrganisation(), user.getUsername())));
        if (refused.isPresent()) {
            return hubsPage(model, form, errors, refused.get());
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", text.get("admin.hubs.registered", form.getName()));
        return "redirect:/admin/hubs";
    }

    private String hubsPage(Model model, HubForm form, Map<String, String> errors, String error) {
        model.addAttribute("hubs", directory.hubs());
        model.addAttribute("regions", Region.values());
        return form(model, form, errors, error, "admin/hubs");
    }

    // ---- Member cities

    @GetMapping("/cities")
    String cities(Model model) {
        return citiesPage(model, new CityForm(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/cities")
    String registerCity(@AuthenticationPrincipal FundUser user, @ModelAttribute("form") CityForm form, Model model,
                        RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cityId = form.getCityId().isEmpty() ? Directory.idFor("city", form.getName()) : form.getCityId();
        requireName(form.getName(), errors);
        requireNewId(cityId, directory.city(cityId).isPresent(), errors);
        if (!COUNTRY.matcher(form.getCountryCode()).matches()) {
            errors.put("countryCode", text.get("admin.error.country"));
        }
        Region region = region(form.getRegion(), errors);
        Optional<Directory.Hub> hub = directory.hub(form.getHubId());
        if (hub.isEmpty()) {
            errors.put("hubId", text.get("admin.cities.error.hub"));
        } else if (region != null && !hub.get().region().equals(region.name())) {
            errors.put("hubId", text.get("admin.cities.error.hubRegion", hub.get().name(),
                    Region.valueOf(hub.get().region()).displayName(), region.displayName()));
        }
        PopulationBand band = null;
        try {
            band = PopulationBand.valueOf(form.getPopulationBand());
        } catch (IllegalArgumentException unknown) {
            errors.put("populationBand", text.get("admin.cities.error.band"));
        }
        FocalPoint focalPoint = focalPoint(form.getFocalPointAccount(), form.getFocalPointName(),
                form.getFocalPointEmail(), errors);
        if (!errors.isEmpty()) {
            return citiesPage(model, form, errors, text.get("admin.form.invalid"));
        }
        // The two membership declarations are the domain's rule: it refuses, we show its words beside them.
        RegisterMemberCityCommand command = new RegisterMemberCityCommand(cityId, form.getName(), form.getCountryCode(),
                region, form.getHubId(), band, List.of(focalPoint), form.isCommittedToGuidingPrinciples(),
                form.isOnContestedTerritory(), user.getUsername());
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(command));
        if (refused.isPresent()) {
            String message = refused.get();
            errors.put(cityField(message), message);
            return citiesPage(model, form, errors, text.get("admin.cities.refused"));
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", text.get("admin.cities.registered", form.getName(),
                focalPoint.accountName()));
        return "redirect:/admin/cities/" + cityId;
    }

    /** Which field a refusal of the domain is about, so that its message stands beside it. */
    private static String cityField(String message) {
        if (message.contains("contested")) {
            return "onContestedTerritory";
        }
        if (message.contains("Guiding Principles")) {
            return "committedToGuidingPrinciples";
        }
        if (message.contains("country code")) {
            return "countryCode";
        }
        if (message.contains("focal point")) {
            return "focalPointName";
        }
        return "name";
    }

    private String citiesPage(Model model, CityForm form, Map<String, String> errors, String error) {
        model.addAttribute("cities", directory.cities());
        model.addAttribute("hubs", directory.hubs());
        model.addAttribute("regions", Region.values());
        model.addAttribute("bands", PopulationBand.values());
        return form(model, form, errors, error, "admin/cities");
    }

    @GetMapping("/cities/{cityId}")
    String city(@PathVariable String cityId, Model model) {
        return cityPage(model, existingCity(cityId), new LinkedHashMap<>(), null, "", "", "", "");
    }

    @PostMapping("/cities/{cityId}/membership")
    String membership(@AuthenticationPrincipal FundUser user, @PathVariable String cityId,
                      @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String reason,
                      Model model, RedirectAttributes redirect) {
        Directory.City city = existingCity(cityId);
        Map<String, String> errors = new LinkedHashMap<>();
        String why = reason.strip();
        if (!List.of("suspend", "reinstate", "end").contains(action)) {
            errors.put("action", text.get("admin.membership.error.action"));
        }
        if (why.isEmpty() || why.length() > MAX_REASON) {
            errors.put("reason", text.get("admin.membership.error.reason", MAX_REASON));
        }
        if (!errors.isEmpty()) {
            return cityPage(model, city, errors, text.get("admin.form.invalid"), action, reason, "", "");
        }
        Object command = switch (action) {
            case "suspend" -> new SuspendMembershipCommand(cityId, why, user.getUsername());
            case "reinstate" -> new ReinstateMembershipCommand(cityId, why, user.getUsername());
            default -> new EndMembershipCommand(cityId, why, user.getUsername());
        };
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(command));
        if (refused.isPresent()) {
            errors.put("action", refused.get());
            return cityPage(model, city, errors, refused.get(), action, reason, "", "");
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", text.get("admin.membership.done." + action, city.name()));
        return "redirect:/admin/cities/" + cityId;
    }

    @PostMapping("/cities/{cityId}/focal-points")
    String addFocalPoint(@AuthenticationPrincipal FundUser user, @PathVariable String cityId,
                         @RequestParam(defaultValue = "") String focalPointAccount,
                         @RequestParam(defaultValue = "") String focalPointName,
                         @RequestParam(defaultValue = "") String focalPointEmail,
                         Model model, RedirectAttributes redirect) {
        Directory.City city = existingCity(cityId);
        Map<String, String> errors = new LinkedHashMap<>();
        FocalPoint focalPoint = focalPoint(focalPointAccount.strip(), focalPointName.strip(), focalPointEmail.strip(), errors);
        if (!errors.isEmpty()) {
            return cityPage(model, city, errors, text.get("admin.form.invalid"), "", "", focalPointAccount, focalPointName);
        }
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(
                new AddFocalPointCommand(cityId, focalPoint, user.getUsername())));
        if (refused.isPresent()) {
            errors.put("focalPointAccount", refused.get());
            return cityPage(model, city, errors, refused.get(), "", "", focalPointAccount, focalPointName);
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", text.get("admin.cities.focalPointAdded", focalPoint.fullName(), city.name()));
        return "redirect:/admin/cities/" + cityId;
    }

    private String cityPage(Model model, Directory.City city, Map<String, String> errors, String error, String action,
                            String reason, String focalPointAccount, String focalPointName) {
        model.addAttribute("city", city);
        model.addAttribute("action", action);
        model.addAttribute("reason", reason);
        model.addAttribute("focalPointAccount", focalPointAccount);
        model.addAttribute("focalPointName", focalPointName);
        model.addAttribute("errors", errors);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "admin/city";
    }

    private Directory.City existingCity(String cityId) {
        return directory.city(cityId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such city"));
    }

    // ---- Donors

    @GetMapping("/donors")
    String donors(Model model) {
        return donorsPage(model, new DonorForm(), new LinkedHashMap<>(), null);
    }

    @PostMapping("/donors")
    String registerDonor(@AuthenticationPrincipal FundUser user, @ModelAttribute("form") DonorForm form, Model model,
                         RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String donorId = form.getDonorId().isEmpty() ? Directory.idFor("donor", form.getName()) : form.getDonorId();
        requireName(form.getName(), errors);
        requireNewId(donorId, directory.donor(donorId).isPresent(), errors);
        DonorType type = null;
        try {
            type = DonorType.valueOf(form.getDonorType());
        } catch (IllegalArgumentException unknown) {
            errors.put("donorType", text.get("admin.donors.error.type"));
        }
        if (!form.getCountryCode().isEmpty() && !COUNTRY.matcher(form.getCountryCode()).matches()) {
            errors.put("countryCode", text.get("admin.error.country"));
        }
        if (form.getIatiOrgRef().length() > 100) {
            errors.put("iatiOrgRef", text.get("admin.donors.error.iati"));
        }
        if (!errors.isEmpty()) {
            return donorsPage(model, form, errors, text.get("admin.form.invalid"));
        }
        DonorType donorType = type;
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(new RegisterDonorCommand(donorId,
                form.getName(), donorType, blankToNull(form.getCountryCode()), blankToNull(form.getIatiOrgRef()),
                user.getUsername())));
        if (refused.isPresent()) {
            errors.put(refused.get().contains("country code") ? "countryCode" : "name", refused.get());
            return donorsPage(model, form, errors, text.get("admin.donors.refused"));
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", text.get("admin.donors.registered", form.getName()));
        return "redirect:/admin/donors";
    }

    private String donorsPage(Model model, DonorForm form, Map<String, String> errors, String error) {
        model.addAttribute("donors", directory.donors());
        model.addAttribute("types", DonorType.values());
        return form(model, form, errors, error, "admin/donors");
    }

    // ---- shared checks

    private String form(Model model, Object form, Map<String, String> errors, String error, String view) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return view;
    }

    private void requireName(String name, Map<String, String> errors) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            errors.put("name", text.get("admin.error.name", MAX_NAME));
        }
    }

    private void requireNewId(String id, boolean taken, Map<String, String> errors) {
        if (!ID.matcher(id).matches()) {
            errors.putIfAbsent("id", text.get("admin.error.id"));
        } else if (taken) {
            errors.put("id", text.get("admin.error.idTaken", id));
        }
    }

    private Region region(String value, Map<String, String> errors) {
        try {
            return Region.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            errors.put("region", text.get("admin.error.region"));
            return null;
        }
    }

    private FocalPoint focalPoint(String account, String name, String email, Map<String, String> errors) {
        if (!LOGIN.matcher(account).matches()) {
            errors.put("focalPointAccount", text.get("admin.focalPoint.error.account"));
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            errors.put("focalPointName", text.get("admin.focalPoint.error.name"));
        }
        if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > MAX_NAME)) {
            errors.put("focalPointEmail", text.get("admin.focalPoint.error.email"));
        }
        return errors.containsKey("focalPointAccount") || errors.containsKey("focalPointName") || errors.containsKey("focalPointEmail")
                ? null : new FocalPoint(account, name, blankToNull(email));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
