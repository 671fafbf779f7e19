package org.strongcities.fund.web.finance;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.ProcessTasks;
import org.strongcities.fund.process.award.AwardProcess;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Approving and paying a tranche are steps of the award process (user tasks for finance approvers and
 * finance officers). When the process has the step open, the console completes that task with the
 * command, so the process moves on in the same transaction; otherwise (an award without a running
 * process) the command is sent on its own. Either way the domain has the last word.
 */
@Component
class TrancheSteps {

    private final FinanceCommands commands;
    private final ObjectProvider<ProcessTasks> processTasks;
    private final TaskService taskService;

    TrancheSteps(FinanceCommands commands, ObjectProvider<ProcessTasks> processTasks, TaskService taskService) {
        this.commands = commands;
        this.processTasks = processTasks;
        this.taskService = taskService;
    }

    boolean approve(String awardId, String trancheId, String actor, Errors errors) {
        ApproveTrancheCommand command = new ApproveTrancheCommand(awardId, trancheId, actor);
        return complete(awardId, trancheId, AwardProcess.Elements.USER_APPROVE_TRANCHE, CandidateGroups.FINANCE_APPROVERS,
                actor, command, AwardProcess.trancheApproved(actor), errors);
    }

    boolean pay(RecordTranchePaymentCommand command, Errors errors) {
        return complete(command.awardId(), command.trancheId(), AwardProcess.Elements.USER_PAY_TRANCHE,
                CandidateGroups.FINANCE_OFFICERS, command.actor(), command, Map.of(), errors);
    }

    private boolean complete(String awardId, String trancheId, String taskKey, String group, String actor, Object command,
                             Map<String, Object> variables, Errors errors) {
        ProcessTasks tasks = processTasks.getIfAvailable();
        Optional<Task> task = tasks == null ? Optional.empty() : openTask(awardId, trancheId, taskKey);
        if (task.isEmpty()) {
            return commands.send(command, errors);
        }
        return commands.run(() -> tasks.complete(task.get().getId(), actor, Set.of(group), command, variables), errors);
    }

    private Optional<Task> openTask(String awardId, String trancheId, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(awardId).taskDefinitionKey(taskKey).list().stream()
                .filter(task -> trancheId.equals(taskService.getVariable(task.getId(), AwardProcess.Variables.TRANCHE_ID)))
                .findFirst();
    }
}
