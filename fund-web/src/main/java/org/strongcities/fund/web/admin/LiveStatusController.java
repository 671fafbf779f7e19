package org.strongcities.fund.web.admin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.strongcities.fund.domain.api.ReopenDecisionCommand;
import org.strongcities.fund.process.application.ApplicationReviewProcess;
import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Live status of a case for staff: its process diagram with the current step(s) highlighted, and
 * its event history. The business key is the application id (review process) or the award id
 * (award process). Hub staff see only the cases routed to their own hub (the process variable
 * hubId); any other case answers 404, as if it did not exist. A Central Team reviewer may reopen a
 * decided application here, which sends it back to the Central Team's review.
 */
@Controller
@RequestMapping("/admin/cases")
@PreAuthorize("hasAnyRole('ADMINISTRATOR','CENTRAL_REVIEWER','FINANCE_OFFICER','FINANCE_APPROVER','HUB_REVIEWER','HUB_LEAD')")
class LiveStatusController {

    private static final Set<Role> HUB_STAFF = Set.of(Role.HUB_REVIEWER, Role.HUB_LEAD);
    static final int MAX_REASON = 2_000;

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final EventHistory events;
    private final CommandGateway commands;
    private final ReadModels readModels;

    LiveStatusController(HistoryService history, RuntimeService runtime, RepositoryService repository,
                         EventHistory events, CommandGateway commands, ReadModels readModels) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.events = events;
        this.commands = commands;
        this.readModels = readModels;
    }

    /** Opens the live status of the case whose application or award id was typed. */
    @GetMapping
    String find(@RequestParam(defaultValue = "") String businessKey) {
        String key = businessKey.strip();
        return key.isEmpty() ? "redirect:/" : "redirect:/admin/cases/" + UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
    }

    @GetMapping("/{businessKey}")
    String status(@AuthenticationPrincipal FundUser user, @PathVariable String businessKey,
                  @RequestParam(required = false) String instance, Model model) {
        List<HistoricProcessInstance> instances = visibleInstances(user, businessKey);
        HistoricProcessInstance shown = choose(instances, instance);
        model.addAttribute("businessKey", businessKey);
        model.addAttribute("instances", instances);
        model.addAttribute("shown", shown);
        model.addAttribute("definition", repository.getProcessDefinition(shown.getProcessDefinitionId()));
        model.addAttribute("currentSteps", currentSteps(shown));
        List<EventHistory.Entry> history = events.of(businessKey);
        model.addAttribute("events", history);
        model.addAttribute("mayReopen", user.role() == Role.CENTRAL_REVIEWER && instances.stream().allMatch(run ->
                run.getEndTime() != null && ApplicationReviewProcess.PROCESS_KEY.equals(run.getProcessDefinitionKey())));
        model.addAttribute("tookDecision", decisionTakers(history).contains(user.getUsername()));
        model.addAttribute("maxReason", MAX_REASON);
        return "admin/case";
    }

    /**
     * Who took the decision in force: the decider of the latest decision and whoever confirmed it. The
     * application refuses to let them reopen it (four eyes); the page says so instead of offering a form
     * that would be refused.
     */
    private static Set<String> decisionTakers(List<EventHistory.Entry> history) {
        Set<String> takers = new LinkedHashSet<>();
        for (EventHistory.Entry entry : history) {
            switch (entry.event()) {
                case "Application decided" -> {
                    takers.clear();
                    takers.add(entry.actor());
                }
                case "Decision confirmed" -> takers.add(entry.actor());
                case "Decision reopened", "Confirmation withheld" -> takers.clear();
                default -> { }
            }
        }
        return takers;
    }

    /** The application's own rules say whether it may be reopened (decided, no award yet); their refusal is shown. */
    @PostMapping("/{businessKey}/reopen")
    @PreAuthorize("hasRole('CENTRAL_REVIEWER')")
    String reopen(@AuthenticationPrincipal FundUser user, @PathVariable String businessKey,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        visibleInstances(user, businessKey);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            redirect.addFlashAttribute("error", "Say why the decision is reopened (at most " + MAX_REASON + " characters).");
        } else {
            CommandFailures.attempt(() -> commands.sendAndWait(new ReopenDecisionCommand(businessKey, why, user.getUsername())))
                    .ifPresentOrElse(refused -> redirect.addFlashAttribute("error", refused), () -> {
                        redirect.addFlashAttribute("message", "The decision is reopened: the case is back in the Central Team's task list.");
                        readModels.awaitCaughtUp();
                    });
        }
        return "redirect:/admin/cases/" + UriUtils.encodePathSegment(businessKey, StandardCharsets.UTF_8);
    }

    @GetMapping(value = "/{businessKey}/diagram.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> diagram(@AuthenticationPrincipal FundUser user, @PathVariable String businessKey,
                                   @RequestParam(required = false) String instance) {
        HistoricProcessInstance shown = choose(visibleInstances(user, businessKey), instance);
        try (InputStream model = repository.getProcessModel(shown.getProcessDefinitionId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/{businessKey}/active.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> active(@AuthenticationPrincipal FundUser user, @PathVariable String businessKey,
                               @RequestParam(required = false) String instance) {
        HistoricProcessInstance shown = choose(visibleInstances(user, businessKey), instance);
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(shown.getId()).orderByHistoricActivityInstanceStartTime().asc().list();
        Set<String> completed = new LinkedHashSet<>();
        steps.stream().filter(step -> step.getEndTime() != null).forEach(step -> completed.add(step.getActivityId()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("processInstanceId", shown.getId());
        answer.put("ended", shown.getEndTime() != null);
        answer.put("active", activeIds(shown, steps));
        answer.put("completed", completed);
        return answer;
    }

    /** Running: the engine's active activities. Ended: the end event(s) it reached. */
    private List<String> activeIds(HistoricProcessInstance shown, List<HistoricActivityInstance> steps) {
        if (shown.getEndTime() == null) {
            try {
                return runtime.getActiveActivityIds(shown.getId());
            } catch (ProcessEngineException endedMeanwhile) {
                // fall through to history
            }
        }
        List<String> ends = steps.stream().filter(step -> step.getActivityType() != null
                        && step.getActivityType().toLowerCase().endsWith("endevent"))
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
        return ends.isEmpty() && !steps.isEmpty() ? List.of(steps.get(steps.size() - 1).getActivityId()) : ends;
    }

    private List<String> currentSteps(HistoricProcessInstance shown) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(shown.getId()).unfinished().list().stream()
                .map(step -> step.getActivityName() == null ? step.getActivityId() : step.getActivityName()).toList();
    }

    /** The instances of the case that this person may see, newest first; 404 when there are none. */
    private List<HistoricProcessInstance> visibleInstances(FundUser user, String businessKey) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list().stream()
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
                .filter(found -> maySee(user, found)).toList();
        if (instances.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case with this key");
        }
        return instances;
    }

    private boolean maySee(FundUser user, HistoricProcessInstance instance) {
        if (!HUB_STAFF.contains(user.role())) {
            return true;
        }
        String ownHub = user.account().hubId();
        List<HistoricVariableInstance> hubIds = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).variableName(ApplicationReviewProcess.Variables.HUB_ID).list();
        return ownHub != null && hubIds.stream().anyMatch(variable -> Objects.equals(ownHub, variable.getValue()));
    }

    /** The instance asked for, else the running one, else the newest. */
    private static HistoricProcessInstance choose(List<HistoricProcessInstance> instances, String instanceId) {
        if (instanceId != null && !instanceId.isBlank()) {
            return instances.stream().filter(found -> found.getId().equals(instanceId)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such process instance"));
        }
        return instances.stream().filter(found -> found.getEndTime() == null).findFirst().orElse(instances.get(0));
    }
}
