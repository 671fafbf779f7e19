package org.strongcities.fund.web.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.strongcities.fund.web.readmodel.CaseProjection;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.IndicatorResult;
import org.strongcities.fund.domain.api.ResubmitApplicationCommand;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;
import org.strongcities.fund.domain.policy.ApplicationCompleteness;
import org.strongcities.fund.web.cases.CaseViews.CaseSummary;
import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.security.FundUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The city portal: a focal point drafts, submits, revises and withdraws its city's applications,
 * follows each case and submits its reports. Every request checks the case belongs to the
 * signed-in focal point's city; other cities' cases answer 404, as if they did not exist.
 */
@Controller
@RequestMapping("/city")
@PreAuthorize("hasRole('CITY_FOCAL_POINT')")
class CityPortalController {

    private final CommandGateway commands;
    private final CaseQueries cases;
    private final ReadModels readModels;
    private final ObjectMapper json;
    private final MessageSource messages;

    CityPortalController(CommandGateway commands, CaseQueries cases, ReadModels readModels, ObjectMapper json,
                         MessageSource messages) {
        this.commands = commands;
        this.cases = cases;
        this.readModels = readModels;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(@AuthenticationPrincipal FundUser user, Model model) {
        model.addAttribute("cases", cases.casesOfCity(user.account().cityId()));
        return "city/dashboard";
    }

    @PostMapping("/applications")
    String startDraft(@AuthenticationPrincipal FundUser user, RedirectAttributes redirect) {
        String applicationId = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(
                new CreateApplicationDraftCommand(applicationId, user.account().cityId(), user.getUsername())));
        if (refused.isPresent()) {
            redirect.addFlashAttribute("error", inCityWords(refused.get(), applicationId, "the new application", null,
                    user.account().cityId(), null));
            return "redirect:/city";
        }
        readModels.awaitCaughtUp();
        return "redirect:/city/applications/" + applicationId + "/edit";
    }

    @GetMapping("/applications/{applicationId}/edit")
    String edit(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId, Model model) {
        CaseSummary summary = ownCase(user, applicationId);
        if (!summary.editable()) {
            return "redirect:/city/applications/" + applicationId;
        }
        ApplicationContent content = latestContent(summary);
        return form(model, summary, ApplicationForm.from(content), ApplicationForm.newErrors(), null);
    }

    @PostMapping("/applications/{applicationId}/edit")
    String saveOrSubmit(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId,
                        @ModelAttribute("form") ApplicationForm form, @RequestParam(defaultValue = "save") String action,
                        Model model, RedirectAttributes redirect) {
        CaseSummary summary = ownCase(user, applicationId);
        if (!summary.editable()) {
            redirect.addFlashAttribute("error", messages.getMessage("city.notEditable",
                    new Object[]{messages.getMessage("status." + summary.shownStatus(), null, LocaleContextHolder.getLocale())},
                    LocaleContextHolder.getLocale()));
            return "redirect:/city/applications/" + applicationId;
        }
        form.padRows();
        Map<String, String> errors = ApplicationForm.newErrors();
        ApplicationContent content = form.toContent(errors);
        boolean revising = "REVISION_REQUESTED".equals(summary.status());
        // A draft is saved even when incomplete, so no typing is lost; but never with a value left out or cut
        // because it could not be kept as typed: then nothing is saved and the form comes back as typed.
        boolean saved = !revising && errors.isEmpty();
        if (saved) {
            Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(
                    new SaveApplicationDraftCommand(applicationId, content, user.getUsername())));
            if (refused.isPresent()) {
                return form(model, summary, form, errors, inCityWords(refused.get(), summary));
            }
        }
        if ("submit".equals(action)) {
            ApplicationCompleteness.problems(content).stream()
                    .filter(problem -> !form.heldBackByCurrency(problem.field()))
                    .forEach(problem -> errors.putIfAbsent(problem.field(), problem.missing()
                            ? "Missing: " + problem.message() + "." : capitalised(problem.message()) + "."));
            if (revising && (form.getResponseToReviewers() == null || form.getResponseToReviewers().isBlank())) {
                errors.put("responseToReviewers", "Tell the reviewers what you changed in response to their request.");
            }
            if (!errors.isEmpty()) {
                readModels.awaitCaughtUp();
                return form(model, summary, form, errors, saved
                        ? "The application is not ready to submit: correct the fields marked below. Your draft is saved."
                        : revising ? "The application is not ready to submit: correct the fields marked below."
                        : text("city.notReadyNotSaved"));
            }
            Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(revising
                    ? new ResubmitApplicationCommand(applicationId, content, form.getResponseToReviewers().strip(), user.getUsername())
                    : new SubmitApplicationCommand(applicationId, content, user.getUsername())));
            if (refused.isPresent()) {
                return form(model, summary, form, errors, inCityWords(refused.get(), summary));
            }
            readModels.awaitCaughtUp();
            redirect.addFlashAttribute("message", revising ? "Your revised application is submitted." : "Your application is submitted.");
            return "redirect:/city/applications/" + applicationId;
        }
        if (revising) {
            // A revision is not kept as a draft (the save button is not offered); a stale tab that still shows
            // one must not be told its changes are saved: they are shown back, to be submitted.
            return form(model, summary, form, errors, "A revision is not saved as a draft: your changes are below, not yet"
                    + " saved. Explain them to the reviewers and submit the revised application.");
        }
        if (!saved) {
            return form(model, summary, form, errors, text("city.draftNotSaved"));
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", "Draft saved.");
        return "redirect:/city/applications/" + applicationId + "/edit";
    }

    @GetMapping("/applications/{applicationId}")
    String view(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId, Model model) {
        CaseSummary summary = ownCase(user, applicationId);
        model.addAttribute("case", summary);
        model.addAttribute("timeline", cases.timeline(applicationId));
        model.addAttribute("versions", cases.versions(applicationId));
        model.addAttribute("content", latestContent(summary));
        cases.award(summary.awardId()).ifPresent(award -> {
            model.addAttribute("award", award);
            model.addAttribute("tranches", cases.tranches(award.awardId()));
            model.addAttribute("reports", cases.reports(award.awardId()));
        });
        return "city/case";
    }

    @GetMapping("/applications/{applicationId}/versions/{version}")
    String version(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId, @PathVariable int version,
                   Model model) {
        CaseSummary summary = ownCase(user, applicationId);
        var entry = cases.versions(applicationId).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No version " + version));
        model.addAttribute("case", summary);
        model.addAttribute("version", entry);
        model.addAttribute("content", read(entry.content()));
        return "city/version";
    }

    @PostMapping("/applications/{applicationId}/withdraw")
    String withdraw(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        CaseSummary summary = ownCase(user, applicationId);
        if (reason.isBlank() || reason.length() > ApplicationForm.MAX_LINE) {
            redirect.addFlashAttribute("error", "Give a reason for withdrawing (at most " + ApplicationForm.MAX_LINE + " characters).");
            return "redirect:/city/applications/" + applicationId;
        }
        CommandFailures.attempt(() -> commands.sendAndWait(new WithdrawApplicationCommand(applicationId, reason.strip(),
                user.getUsername()))).ifPresentOrElse(
                refused -> redirect.addFlashAttribute("error", inCityWords(refused, summary)),
                () -> redirect.addFlashAttribute("message", "The application is withdrawn."));
        readModels.awaitCaughtUp();
        return "redirect:/city/applications/" + applicationId;
    }

    @PostMapping("/applications/{applicationId}/reports/{reportId}")
    String submitReport(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId,
                        @PathVariable String reportId, @RequestParam(defaultValue = "") String narrative,
                        @RequestParam(defaultValue = "") String indicator, @RequestParam(defaultValue = "") String achieved,
                        RedirectAttributes redirect) {
        CaseSummary summary = ownCase(user, applicationId);
        if (summary.awardId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No award on this case");
        }
        if (narrative.isBlank() || narrative.length() > ApplicationForm.MAX_TEXT) {
            redirect.addFlashAttribute("error", "Describe progress in the report (at most " + ApplicationForm.MAX_TEXT + " characters).");
            return "redirect:/city/applications/" + applicationId;
        }
        List<IndicatorResult> results = indicator.isBlank() ? List.of()
                : List.of(new IndicatorResult(indicator.strip(), achieved.strip(), null));
        CommandFailures.attempt(() -> commands.sendAndWait(new SubmitReportCommand(summary.awardId(), reportId,
                narrative.strip(), results, user.getUsername()))).ifPresentOrElse(
                refused -> redirect.addFlashAttribute("error", inCityWords(refused, summary)),
                () -> redirect.addFlashAttribute("message", "Your report is submitted for review."));
        readModels.awaitCaughtUp();
        return "redirect:/city/applications/" + applicationId;
    }

    private String form(Model model, CaseSummary summary, ApplicationForm form, Map<String, String> errors, String error) {
        model.addAttribute("case", summary);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("allPriorities", StrategicPriority.values());
        model.addAttribute("allSupportTypes", SupportType.values());
        boolean revising = "REVISION_REQUESTED".equals(summary.status());
        List<CaseViews.TimelineEntry> timeline = cases.timeline(summary.applicationId());
        model.addAttribute("revising", revising);
        model.addAttribute("timeline", timeline);
        // The city revises what the reviewers asked for: their latest request stands above the form it changes.
        model.addAttribute("revisionRequest", revising ? timeline.stream()
                .filter(entry -> CaseProjection.REVISION_REQUESTED.equals(entry.statusWord()) && entry.detail() != null)
                .reduce((earlier, later) -> later).map(CaseViews.TimelineEntry::detail).orElse(null) : null);
        return "city/edit";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private CaseSummary ownCase(FundUser user, String applicationId) {
        return cases.find(applicationId)
                .filter(found -> found.cityId().equals(user.account().cityId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such application"));
    }

    private ApplicationContent latestContent(CaseSummary summary) {
        if ("DRAFT".equals(summary.status())) {
            return cases.draftContent(summary.applicationId()).map(this::read).orElse(null);
        }
        return cases.versions(summary.applicationId()).stream().findFirst().map(v -> read(v.content())).orElse(null);
    }

    private ApplicationContent read(String content) {
        try {
            return json.readValue(content, ApplicationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored application content is not readable", e);
        }
    }

    /** A refusal of the domain about this case, in the words the city knows it by. */
    private static String inCityWords(String refusal, CaseSummary summary) {
        String name = summary.title() == null || summary.title().isBlank() ? "your application" : "“" + summary.title() + "”";
        return inCityWords(refusal, summary.applicationId(), name, summary.awardId(), summary.cityId(), summary.cityName());
    }

    /**
     * The domain names records by their ids (application app-…, award award-…, "Nairobi (city-…)"), which
     * staff look up but a city never sees: the city knows its application by its title. Ids stay in URLs.
     */
    static String inCityWords(String refusal, String applicationId, String applicationName, String awardId, String cityId,
                              String cityName) {
        String text = refusal;
        if (awardId != null) {
            text = text.replace("award " + awardId, "the award for " + applicationName).replace(awardId, "the award");
        }
        text = text.replace("application " + applicationId, applicationName)
                .replace("Application " + applicationId, capitalised(applicationName))
                .replace(applicationId, applicationName);
        if (cityId != null) {
            text = text.replace(" (" + cityId + ")", "").replace(cityId, cityName == null ? "your city" : cityName);
        }
        return text;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
