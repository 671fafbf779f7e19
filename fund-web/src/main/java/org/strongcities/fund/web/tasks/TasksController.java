package org.strongcities.fund.web.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.CriterionScore;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.DeclareConflictOfInterestCommand;
import org.strongcities.fund.domain.api.EditReviewCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.Recommendation;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RejectAmendmentCommand;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.ReviewCriterion;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.WithholdConfirmationCommand;
import org.strongcities.fund.domain.policy.FourEyesPolicy;
import org.strongcities.fund.domain.policy.TextLimits;
import org.strongcities.fund.process.ProcessTasks;
import org.strongcities.fund.process.application.ApplicationReviewProcess;
import org.strongcities.fund.process.application.SecondApprovalRouting;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.cases.CaseQueries;
import org.strongcities.fund.web.cases.CaseViews.CaseSummary;
import org.strongcities.fund.web.cases.CaseViews.ReviewView;
import org.strongcities.fund.web.platform.Amounts;
import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.platform.TypedDates;
import org.strongcities.fund.web.security.FundUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reviewer and finance task lists, and the page of each task. Camunda decides who may act; every
 * action completes its task and sends its command in one transaction (ProcessTasks), so a refused
 * command leaves the task open with the refusal shown to the person.
 */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("hasAnyRole('HUB_REVIEWER','HUB_LEAD','CENTRAL_REVIEWER','FINANCE_OFFICER','FINANCE_APPROVER')")
class TasksController {

    private static final int MAX_TEXT = TextLimits.LONG_TEXT;

    private final TaskInbox inbox;
    private final ProcessTasks processTasks;
    private final TaskService taskService;
    private final CommandGateway commands;
    private final CaseQueries cases;
    private final SecondApprovalRouting secondApproval;
    private final ReadModels readModels;
    private final TaskQueries taskQueries;
    private final ObjectMapper json;
    private final HistoryService historyService;

    TasksController(TaskInbox inbox, ProcessTasks processTasks, TaskService taskService, CommandGateway commands,
                    CaseQueries cases, SecondApprovalRouting secondApproval, ReadModels readModels,
                    TaskQueries taskQueries, ObjectMapper json, HistoryService historyService) {
        this.historyService = historyService;
        this.inbox = inbox;
        this.processTasks = processTasks;
        this.taskService = taskService;
        this.commands = commands;
        this.cases = cases;
        this.secondApproval = secondApproval;
        this.readModels = readModels;
        this.taskQueries = taskQueries;
        this.json = json;
    }

    @GetMapping
    String list(@AuthenticationPrincipal FundUser user, @RequestParam(defaultValue = "") String search, Model model) {
        String needle = search.length() > 100 ? search.substring(0, 100) : search;
        model.addAttribute("mine", inbox.mine(user.getUsername(), needle));
        model.addAttribute("group", inbox.ofGroups(TaskGroups.of(user.account()), needle));
        model.addAttribute("search", needle);
        return "tasks/list";
    }

    @PostMapping("/{taskId}/claim")
    String claim(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        visibleTask(user, taskId);
        act(redirect, () -> processTasks.claim(taskId, user.getUsername(), TaskGroups.of(user.account())), "Task claimed.");
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/{taskId}/unclaim")
    String unclaim(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        visibleTask(user, taskId);
        act(redirect, () -> processTasks.unclaim(taskId, user.getUsername(), TaskGroups.of(user.account())),
                "Task released to the group.");
        return "redirect:/tasks";
    }

    /** Bulk action for the routine step of taking work: claims every selected task the person may take. */
    @PostMapping("/claim")
    String claimSelected(@AuthenticationPrincipal FundUser user, @RequestParam(name = "taskId", required = false) List<String> taskIds,
                         RedirectAttributes redirect) {
        List<String> refused = new ArrayList<>();
        int claimed = 0;
        for (String taskId : taskIds == null ? List.<String>of() : taskIds.stream().limit(200).toList()) {
            Optional<String> failure;
            try {
                failure = CommandFailures.attempt(() -> {
                    visibleTask(user, taskId);
                    processTasks.claim(taskId, user.getUsername(), TaskGroups.of(user.account()));
                });
            } catch (TaskNoLongerOpen | TaskTakenByColleague notYours) {
                failure = Optional.of(notYours.getMessage());
            }
            if (failure.isPresent()) {
                refused.add(failure.get());
            } else {
                claimed++;
            }
        }
        redirect.addFlashAttribute("message", claimed + " task(s) claimed.");
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(" ", refused));
        }
        return "redirect:/tasks";
    }

    @GetMapping("/{taskId}")
    String open(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, Model model) {
        Task task = visibleTask(user, taskId);
        model.addAttribute("task", task);
        String key = task.getTaskDefinitionKey();
        if (isReview(key)) {
            return reviewPage(user, task, model);
        }
        // One read of the task's variables for the whole page, instead of one query per variable.
        Map<String, Object> variables = taskService.getVariables(task.getId());
        String awardId = text(variables, AwardProcess.Variables.AWARD_ID);
        String reportId = text(variables, AwardProcess.Variables.REPORT_ID);
        String amendmentId = text(variables, AwardProcess.Variables.AMENDMENT_ID);
        String applicationId = text(variables, ApplicationReviewProcess.Variables.APPLICATION_ID);
        model.addAttribute("case", applicationId == null ? null : cases.find(applicationId).orElse(null));
        if (ApplicationReviewProcess.Elements.USER_SECOND_APPROVAL.equals(key)) {
            // What happened to the case so far, including an earlier decision whose confirmation was withheld.
            model.addAttribute("timeline", cases.staffTimeline(applicationId));
        }
        if (awardId != null) {
            cases.award(awardId).ifPresent(award -> model.addAttribute("award", award));
            model.addAttribute("tranches", cases.tranches(awardId));
            model.addAttribute("reports", cases.reports(awardId));
            taskQueries.hold(awardId).ifPresent(hold -> model.addAttribute("hold", hold));
            if (reportId != null) {
                model.addAttribute("report", taskQueries.report(awardId, reportId));
            }
            if (amendmentId != null) {
                Map<String, Object> amendment = taskQueries.amendment(awardId, amendmentId);
                model.addAttribute("amendment", amendment);
                model.addAttribute("amendmentTerms", taskQueries.terms(amendment));
            }
        }
        model.addAttribute("trancheId", text(variables, AwardProcess.Variables.TRANCHE_ID));
        model.addAttribute("reportId", reportId);
        model.addAttribute("amendmentId", amendmentId);
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute(TypedForm.ATTRIBUTE)) {
            model.addAttribute(TypedForm.ATTRIBUTE, TypedForm.NONE);
        }
        // The rule ProcessTasks applies (four eyes): the person who took the step before may not take this one,
        // so the page explains that instead of offering a button that is refused.
        Object mustDifferFrom = variables.get(ProcessTasks.MUST_DIFFER_FROM);
        model.addAttribute("tookEarlierStep", mustDifferFrom != null
                && !FourEyesPolicy.distinct(mustDifferFrom.toString(), user.getUsername()));
        model.addAttribute("earlierActor", mustDifferFrom == null ? null : mustDifferFrom.toString());
        return "tasks/step";
    }

    @PostMapping("/{taskId}/conflict-of-interest")
    String declare(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                   @RequestParam(defaultValue = "false") boolean hasConflict, @RequestParam(defaultValue = "") String statement,
                   RedirectAttributes redirect) {
        Task task = reviewTask(user, taskId);
        CaseSummary summary = caseOf(task);
        ReviewStage stage = stageOf(task);
        // A refused declaration comes back with the choice and the statement as typed, as the review does.
        TypedForm typed = new TypedForm("conflictOfInterest", Map.of("hasConflict", String.valueOf(hasConflict),
                "statement", TypedForm.kept(statement, MAX_TEXT)));
        Optional<String> tooLong = TextLimits.tooLong("the statement", statement, MAX_TEXT);
        if (tooLong.isPresent() || (hasConflict && statement.isBlank())) {
            return back(redirect, taskId, "The conflict of interest is not declared: " + tooLong.orElse(
                    "describe the conflict in the statement") + ".", typed);
        }
        Optional<String> refused = act(redirect, () -> commands.sendAndWait(new DeclareConflictOfInterestCommand(
                        reviewId(summary, stage, user), summary.applicationId(), summary.version(), user.getUsername(), stage,
                        hasConflict, statement.strip())),
                hasConflict ? "You declared a conflict of interest and are recused: release the task so a colleague takes it."
                        : "No conflict declared: the application is open to you.");
        if (refused.isPresent()) {
            redirect.addFlashAttribute(TypedForm.ATTRIBUTE, typed);
        } else if (hasConflict) {
            CommandFailures.attempt(() -> processTasks.unclaim(taskId, user.getUsername(), TaskGroups.of(user.account())));
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/{taskId}/review")
    String review(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Task task = reviewTask(user, taskId);
        CaseSummary summary = caseOf(task);
        ReviewStage stage = stageOf(task);
        String outcome = first(form, "outcome", "save");
        String reviewId = reviewId(summary, stage, user);
        Optional<ReviewView> existing = myReview(summary, stage, user);
        if (existing.isEmpty() || existing.get().recused()) {
            redirect.addFlashAttribute("error", "Declare whether you have a conflict of interest before reviewing.");
            return "redirect:/tasks/" + taskId;
        }
        List<String> problems = new ArrayList<>();
        List<CriterionScore> scores = scores(form, problems);
        Recommendation recommendation = parse(Recommendation.class, first(form, "recommendation", ""), "a recommendation", problems);
        String rationale = text(form, "rationaleForApplicant", "the rationale the applicant will read", true, problems);
        String internal = text(form, "internalComments", "the internal comments", false, problems);
        TypedForm typed = TypedForm.of("review", form, reviewFields());
        if (!problems.isEmpty()) {
            return back(redirect, taskId, "The review is not complete: " + String.join("; ", problems) + ".", typed);
        }
        Object command = existing.get().recommendation() == null
                ? new SubmitReviewCommand(reviewId, scores, recommendation, rationale, internal, user.getUsername())
                : new EditReviewCommand(reviewId, scores, recommendation, rationale, internal,
                first(form, "reasonForEdit", "Updated by the reviewer"), user.getUsername());
        if ("forward".equals(outcome) && stage == ReviewStage.HUB) {
            return completeOrBack(redirect, task, user, command, ApplicationReviewProcess.hubForwarded(),
                    "Review submitted: the application goes on to the Central Team.", TypedForm.ATTRIBUTE, typed);
        }
        if (act(redirect, () -> commands.sendAndWait(command), "Review saved.").isPresent()) {
            redirect.addFlashAttribute(TypedForm.ATTRIBUTE, typed);
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/{taskId}/revision")
    String askRevision(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                       @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Task task = reviewTask(user, taskId);
        CaseSummary summary = caseOf(task);
        String rationaleForApplicant = first(form, "rationaleForApplicant", "");
        TypedForm typed = TypedForm.of("revision", form, Map.of("rationaleForApplicant", MAX_TEXT));
        Optional<String> problem = requiredText(rationaleForApplicant, "Tell the city what to revise", "the request");
        if (problem.isPresent()) {
            return back(redirect, taskId, problem.get(), typed);
        }
        Map<String, Object> variables = stageOf(task) == ReviewStage.HUB ? ApplicationReviewProcess.hubRequestedRevision()
                : ApplicationReviewProcess.centralRequestedRevision();
        return completeOrBack(redirect, task, user, new RequestRevisionCommand(summary.applicationId(),
                        rationaleForApplicant.strip(), user.getUsername()), variables,
                "Revision requested: the city has been asked to resubmit.", TypedForm.ATTRIBUTE, typed);
    }

    @PostMapping("/{taskId}/decision")
    String decide(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Task task = reviewTask(user, taskId);
        if (stageOf(task) != ReviewStage.CENTRAL) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision on this task");
        }
        CaseSummary summary = caseOf(task);
        List<String> problems = new ArrayList<>();
        DecisionType type = parse(DecisionType.class, first(form, "decisionType", ""), "a decision", problems);
        String amountText = first(form, "approvedAmount", "");
        Money approved = null;
        String amountProblem = null;
        if (!amountText.isBlank()) {
            BigDecimal amount = Amounts.parse(amountText).orElse(null);
            if (amount == null) {
                problems.add("the approved amount as a number, for example 15000");
                amountProblem = "Type the approved amount as a number, for example 15000 or 15000.50 (you typed '"
                        + Amounts.shown(amountText) + "').";
            } else if (amount.signum() <= 0) {
                problems.add("an approved amount above zero");
                amountProblem = "The approved amount must be above zero.";
            } else {
                try {
                    // Money refuses what its currency cannot hold (a third decimal of a dollar): the person's
                    // mistake, said beside the field as the application form says it, never a server error.
                    approved = new Money(amount, summary.requestedCurrency());
                } catch (BusinessRuleViolation refused) {
                    problems.add("an approved amount the currency allows (" + refused.getMessage() + ")");
                    amountProblem = refused.getMessage();
                }
            }
        }
        String conditions = text(form, "conditions", "the conditions", false, problems);
        String rationale = text(form, "rationaleForApplicant", "the reasons the applicant will read", true, problems);
        String internal = text(form, "internalNote", "the internal note", false, problems);
        if (!problems.isEmpty() || type == null) {
            redirect.addFlashAttribute("error", "The decision is not complete: " + String.join("; ", problems) + ".");
            redirect.addFlashAttribute("decision", DecisionForm.typed(form, MAX_TEXT, amountProblem));
            return "redirect:/tasks/" + taskId;
        }
        Money inEffect = approved != null ? approved
                : new Money(summary.requestedAmount(), summary.requestedCurrency());
        boolean secondApprovalRequired = secondApproval.secondApprovalRequired(type, inEffect);
        return completeOrBack(redirect, task, user, new DecideApplicationCommand(summary.applicationId(), type,
                        approved, conditions, rationale, internal, secondApprovalRequired, user.getUsername()),
                ApplicationReviewProcess.centralDecided(type, secondApprovalRequired, user.getUsername()),
                secondApprovalRequired ? "Decision recorded: a second Central Team approver must confirm it."
                        : "Decision recorded.", "decision", DecisionForm.typed(form, MAX_TEXT, null));
    }

    @PostMapping("/{taskId}/confirm")
    String confirm(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, ApplicationReviewProcess.Elements.USER_SECOND_APPROVAL);
        complete(redirect, task, user, new ConfirmDecisionCommand(stringVariable(task, ApplicationReviewProcess.Variables.APPLICATION_ID),
                user.getUsername()), ApplicationReviewProcess.secondApprovalConfirmed(), "Decision confirmed.");
        return "redirect:/tasks";
    }

    /**
     * The second approver does not confirm: the decision is dropped and the case goes back to the Central Team's
     * review, with the reason on the staff's timeline (never the city's).
     */
    @PostMapping("/{taskId}/withhold")
    String withhold(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                    @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, ApplicationReviewProcess.Elements.USER_SECOND_APPROVAL);
        String reason = first(form, "reason", "");
        TypedForm typed = TypedForm.of("withhold", form, Map.of("reason", MAX_TEXT));
        Optional<String> problem = requiredText(reason, "Say why you do not confirm the decision", "the reason");
        if (problem.isPresent()) {
            return back(redirect, taskId, problem.get(), typed);
        }
        return completeOrBack(redirect, task, user, new WithholdConfirmationCommand(
                        stringVariable(task, ApplicationReviewProcess.Variables.APPLICATION_ID), reason.strip(), user.getUsername()),
                ApplicationReviewProcess.secondApprovalWithheld(),
                "Confirmation withheld: the decision goes back to the Central Team, who decide again.", TypedForm.ATTRIBUTE, typed);
    }

    @PostMapping("/{taskId}/report")
    String reviewReport(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                        @RequestParam(defaultValue = "") String verdict, @RequestParam MultiValueMap<String, String> form,
                        RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, AwardProcess.Elements.USER_REVIEW_REPORT);
        String awardId = stringVariable(task, AwardProcess.Variables.AWARD_ID);
        String reportId = stringVariable(task, AwardProcess.Variables.REPORT_ID);
        boolean accept = "accept".equals(verdict);
        String reason = first(form, "reason", "");
        TypedForm typed = TypedForm.of("report", form, Map.of("reason", MAX_TEXT));
        Optional<String> problem = requiredText(reason, "Tell the city why the report is returned", "the reason");
        if (!accept && problem.isPresent()) {
            return back(redirect, taskId, problem.get(), typed);
        }
        Object command = accept ? new AcceptReportCommand(awardId, reportId, user.getUsername())
                : new RejectReportCommand(awardId, reportId, reason.strip(), user.getUsername());
        return completeOrBack(redirect, task, user, command, AwardProcess.reportReviewed(accept),
                accept ? "Report accepted." : "Report returned to the city.", TypedForm.ATTRIBUTE, typed);
    }

    @PostMapping("/{taskId}/tranche-approval")
    String approveTranche(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, AwardProcess.Elements.USER_APPROVE_TRANCHE);
        complete(redirect, task, user, new ApproveTrancheCommand(stringVariable(task, AwardProcess.Variables.AWARD_ID),
                        stringVariable(task, AwardProcess.Variables.TRANCHE_ID), user.getUsername()),
                AwardProcess.trancheApproved(user.getUsername()), "Tranche approved: finance can now pay it.");
        return "redirect:/tasks";
    }

    @PostMapping("/{taskId}/tranche-payment")
    String payTranche(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                      @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, AwardProcess.Elements.USER_PAY_TRANCHE);
        String paymentReference = first(form, "paymentReference", "");
        String valueDate = first(form, "valueDate", "");
        TypedForm typed = TypedForm.of("payment", form,
                Map.of("paymentReference", BusinessRuleViolation.LINE, "valueDate", 20));
        LocalDate date;
        try {
            date = TypedDates.parse(valueDate);
        } catch (DateTimeParseException e) {
            return back(redirect, taskId, "Type the value date as YYYY-MM-DD.", typed);
        }
        if (paymentReference.isBlank() || paymentReference.length() > BusinessRuleViolation.LINE) {
            return back(redirect, taskId, "Give the bank's payment reference (at most " + BusinessRuleViolation.LINE
                    + " characters).", typed);
        }
        String awardId = stringVariable(task, AwardProcess.Variables.AWARD_ID);
        String trancheId = stringVariable(task, AwardProcess.Variables.TRANCHE_ID);
        Money amount = cases.tranches(awardId).stream().filter(t -> t.trancheId().equals(trancheId)).findFirst()
                .map(t -> Money.usd(t.amountUsd().toPlainString()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No tranche " + trancheId));
        return completeOrBack(redirect, task, user, new RecordTranchePaymentCommand(awardId, trancheId,
                        paymentReference.strip(), date, Conversion.none(amount, date), user.getUsername()), Map.of(),
                "Payment recorded.", TypedForm.ATTRIBUTE, typed);
    }

    @PostMapping("/{taskId}/amendment")
    String decideAmendment(@AuthenticationPrincipal FundUser user, @PathVariable String taskId,
                           @RequestParam(defaultValue = "") String verdict, @RequestParam MultiValueMap<String, String> form,
                           RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, AwardProcess.Elements.USER_APPROVE_AMENDMENT);
        String awardId = stringVariable(task, AwardProcess.Variables.AWARD_ID);
        String amendmentId = stringVariable(task, AwardProcess.Variables.AMENDMENT_ID);
        boolean approve = "approve".equals(verdict);
        String reason = first(form, "reason", "");
        TypedForm typed = TypedForm.of("amendment", form, Map.of("reason", MAX_TEXT));
        Optional<String> problem = requiredText(reason, "Give the reason for rejecting the amendment", "the reason");
        if (!approve && problem.isPresent()) {
            return back(redirect, taskId, problem.get(), typed);
        }
        Object command = approve ? new ApproveAmendmentCommand(awardId, amendmentId, user.getUsername())
                : new RejectAmendmentCommand(awardId, amendmentId, reason.strip(), user.getUsername());
        return completeOrBack(redirect, task, user, command, Map.of(),
                approve ? "Amendment approved." : "Amendment rejected.", TypedForm.ATTRIBUTE, typed);
    }

    @PostMapping("/{taskId}/close-out")
    String closeOut(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        Task task = stepTask(user, taskId, AwardProcess.Elements.USER_CLOSE_OUT);
        complete(redirect, task, user, new CloseOutAwardCommand(stringVariable(task, AwardProcess.Variables.AWARD_ID),
                user.getUsername()), Map.of(), "Award closed out.");
        return "redirect:/tasks";
    }

    private String reviewPage(FundUser user, Task task, Model model) {
        CaseSummary summary = caseOf(task);
        ReviewStage stage = stageOf(task);
        Optional<ReviewView> mine = myReview(summary, stage, user);
        model.addAttribute("case", summary);
        model.addAttribute("stage", stage.name());
        model.addAttribute("myReview", mine.orElse(null));
        boolean open = mine.isPresent() && !mine.get().recused();
        model.addAttribute("open", open);
        if (open) {
            List<ReviewView> reviews = cases.reviews(summary.applicationId());
            model.addAttribute("reviews", reviews);
            // Staff read the whole timeline: after a withheld confirmation, the second approver's reason is here.
            model.addAttribute("timeline", cases.staffTimeline(summary.applicationId()));
            long counted = reviews.stream().filter(r -> r.applicationVersion() == summary.version() && !r.recused()
                    && r.recommendation() != null).count();
            long assigned = reviews.stream().filter(r -> r.applicationVersion() == summary.version() && !r.recused()).count();
            model.addAttribute("reviewsIn", counted);
            model.addAttribute("reviewsExpected", assigned);
            var versions = cases.versions(summary.applicationId());
            model.addAttribute("versions", versions);
            model.addAttribute("content", versions.isEmpty() ? null : read(versions.get(0).content()));
            model.addAttribute("myScores", mine.get().scores() == null ? Map.of() : scoreMap(mine.get().scores()));
        }
        model.addAttribute("criteria", ReviewCriterion.values());
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("decisionTypes", DecisionType.values());
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", DecisionForm.EMPTY);
        }
        if (!model.containsAttribute(TypedForm.ATTRIBUTE)) {
            model.addAttribute(TypedForm.ATTRIBUTE, TypedForm.NONE);
        }
        return "tasks/review";
    }

    @GetMapping("/{taskId}/versions/{version}")
    String version(@AuthenticationPrincipal FundUser user, @PathVariable String taskId, @PathVariable int version, Model model) {
        Task task = reviewTask(user, taskId);
        CaseSummary summary = caseOf(task);
        Optional<ReviewView> mine = myReview(summary, stageOf(task), user);
        if (mine.isEmpty() || mine.get().recused()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Declare no conflict of interest first");
        }
        var entry = cases.versions(summary.applicationId()).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No version " + version));
        model.addAttribute("task", task);
        model.addAttribute("case", summary);
        model.addAttribute("version", entry);
        model.addAttribute("content", read(entry.content()));
        return "tasks/version";
    }

    /** Sends the task's command and completes the task; returns the refusal shown to the person, if any. */
    private Optional<String> complete(RedirectAttributes redirect, Task task, FundUser user, Object command,
                                      Map<String, Object> variables, String success) {
        return act(redirect, () -> processTasks.complete(task.getId(), user.getUsername(), TaskGroups.of(user.account()),
                command, variables), success);
    }

    /**
     * Completes the task with its command. When it is refused and the task is still open to the person, nothing
     * was stored: back to the task with the refusal and what was typed (kept under the given flash attribute, as
     * the page reads it). Otherwise on to the task list, with the success or the refusal.
     */
    private String completeOrBack(RedirectAttributes redirect, Task task, FundUser user, Object command,
                                  Map<String, Object> variables, String success, String attribute, Serializable typed) {
        Optional<String> refused = complete(redirect, task, user, command, variables, success);
        if (refused.isPresent() && stillVisible(user, task.getId())) {
            redirect.addFlashAttribute(attribute, typed);
            return "redirect:/tasks/" + task.getId();
        }
        return "redirect:/tasks";
    }

    /** Back to the task page with a problem of the form and what was typed into it. */
    private static String back(RedirectAttributes redirect, String taskId, String problem, TypedForm typed) {
        redirect.addFlashAttribute("error", problem);
        redirect.addFlashAttribute(TypedForm.ATTRIBUTE, typed);
        return "redirect:/tasks/" + taskId;
    }

    /**
     * What to say when a required text is empty or too long ({@code ask}: what to type, {@code field}: the text as
     * the sentence's subject), or empty when it can be sent.
     */
    private static Optional<String> requiredText(String typed, String ask, String field) {
        Optional<String> tooLong = TextLimits.tooLong(field, typed, MAX_TEXT);
        if (typed.isBlank() || tooLong.isPresent()) {
            return Optional.of(ask + tooLong.map(problem -> ": " + problem).orElse("") + ".");
        }
        return Optional.empty();
    }

    /** The fields of the review form, each with its limit. */
    private static Map<String, Integer> reviewFields() {
        Map<String, Integer> fields = new java.util.LinkedHashMap<>();
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            fields.put("score_" + criterion.name(), 2);
        }
        fields.put("recommendation", 40);
        fields.put("rationaleForApplicant", MAX_TEXT);
        fields.put("internalComments", MAX_TEXT);
        fields.put("reasonForEdit", 500);
        return fields;
    }

    private Optional<String> act(RedirectAttributes redirect, Runnable action, String success) {
        Optional<String> refused = CommandFailures.attempt(action);
        refused.ifPresentOrElse(
                message -> redirect.addFlashAttribute("error", message),
                () -> redirect.addFlashAttribute("message", success));
        readModels.awaitCaughtUp();
        return refused;
    }

    /** Whether the task is still open to this person (a refusal may be that someone else completed it meanwhile). */
    private boolean stillVisible(FundUser user, String taskId) {
        return inbox.visibleTo(taskId, user.getUsername(), TaskGroups.of(user.account())).isPresent();
    }

    private Task visibleTask(FundUser user, String taskId) {
        Set<String> groups = TaskGroups.of(user.account());
        return inbox.visibleTo(taskId, user.getUsername(), groups).orElseThrow(() -> {
            Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (open == null) {
                return TaskNoLongerOpen.of(taskId, historyService);
            }
            return inbox.claimedByColleague(taskId, user.getUsername(), groups)
                    .<RuntimeException>map(colleague -> new TaskTakenByColleague(open.getName(), colleague))
                    .orElseGet(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task for you"));
        });
    }

    /** A colleague of the person's group works on the task: 409, saying who, and the way back to the list. */
    @ExceptionHandler(TaskTakenByColleague.class)
    ModelAndView takenByColleague(TaskTakenByColleague taken) {
        ModelAndView page = new ModelAndView("tasks/claimed");
        page.setStatus(HttpStatus.CONFLICT);
        page.addObject("claimed", taken.getMessage());
        page.addObject("colleague", taken.colleague());
        return page;
    }

    /**
     * A form sent from a stale tab (a colleague completed the task meanwhile, or the case moved on and withdrew
     * it): the person reads what happened and finds the way back to the list, instead of a bare "Not found".
     * Nothing is stored. 409 when Camunda's history knows the task (it existed and ended), 404 otherwise.
     */
    @ExceptionHandler(TaskNoLongerOpen.class)
    ModelAndView noLongerOpen(TaskNoLongerOpen closed) {
        ModelAndView page = new ModelAndView("tasks/closed");
        page.setStatus(closed.known() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND);
        page.addObject("closed", closed.getMessage());
        return page;
    }

    private Task reviewTask(FundUser user, String taskId) {
        Task task = visibleTask(user, taskId);
        if (!isReview(task.getTaskDefinitionKey())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a review task");
        }
        return task;
    }

    private Task stepTask(FundUser user, String taskId, String definitionKey) {
        Task task = visibleTask(user, taskId);
        if (!definitionKey.equals(task.getTaskDefinitionKey())) {
            // Shown on the error page: the process model's element id means nothing to the person.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This task is a different step: open it from your task list.");
        }
        return task;
    }

    private static boolean isReview(String key) {
        return ApplicationReviewProcess.Elements.USER_HUB_REVIEW.equals(key)
                || ApplicationReviewProcess.Elements.USER_CENTRAL_REVIEW.equals(key);
    }

    private static ReviewStage stageOf(Task task) {
        return ApplicationReviewProcess.Elements.USER_HUB_REVIEW.equals(task.getTaskDefinitionKey())
                ? ReviewStage.HUB : ReviewStage.CENTRAL;
    }

    private CaseSummary caseOf(Task task) {
        String applicationId = stringVariable(task, ApplicationReviewProcess.Variables.APPLICATION_ID);
        return cases.find(applicationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No application " + applicationId));
    }

    private Optional<ReviewView> myReview(CaseSummary summary, ReviewStage stage, FundUser user) {
        String reviewId = reviewId(summary, stage, user);
        return cases.reviews(summary.applicationId()).stream().filter(r -> r.reviewId().equals(reviewId)).findFirst();
    }

    /** One review per reviewer, stage and version of the application. */
    static String reviewId(CaseSummary summary, ReviewStage stage, FundUser user) {
        return "review-" + summary.applicationId() + "-v" + summary.version() + "-" + stage.name().toLowerCase()
                + "-" + user.getUsername();
    }

    private String stringVariable(Task task, String name) {
        Object value = taskService.getVariable(task.getId(), name);
        return value == null ? null : value.toString();
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static List<CriterionScore> scores(MultiValueMap<String, String> form, List<String> problems) {
        List<CriterionScore> scores = new ArrayList<>();
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            String value = first(form, "score_" + criterion.name(), "");
            try {
                scores.add(new CriterionScore(criterion, Integer.parseInt(value.strip())));
            } catch (RuntimeException e) {
                problems.add("a score from 1 to 5 for " + criterion.displayName());
            }
        }
        return scores;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what, List<String> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            problems.add(what);
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> form, String field, String what, boolean required,
                               List<String> problems) {
        String value = first(form, field, "").strip();
        if (required && value.isEmpty()) {
            problems.add(what);
        }
        TextLimits.tooLong(what, value, MAX_TEXT).ifPresent(problems::add);
        return value.isEmpty() ? null : value;
    }

    private static String first(MultiValueMap<String, String> form, String field, String fallback) {
        String value = form.getFirst(field);
        return value == null ? fallback : value;
    }

    private Map<String, Integer> scoreMap(String scoresJson) {
        try {
            CriterionScore[] scores = json.readValue(scoresJson, CriterionScore[].class);
            Map<String, Integer> map = new java.util.HashMap<>();
            for (CriterionScore score : scores) {
                map.put(score.criterion().name(), score.score());
            }
            return map;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private ApplicationContent read(String content) {
        try {
            return json.readValue(content, ApplicationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored application content is not readable", e);
        }
    }
}
