package org.strongcities.fund.process;

import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.policy.FourEyesPolicy;

/**
 * How a person acts on a user task. Completing sends the task's command and completes the task
 * in one transaction: a rejected command (an exception with a message the person reads) leaves
 * the task open, and a failing process step leaves no event behind.
 */
@Service
public class ProcessTasks {

    /**
     * A variable a task may declare (input parameter in the model) naming the account that took
     * the previous step: that account may neither claim nor complete the task (four eyes).
     */
    public static final String MUST_DIFFER_FROM = "mustDifferFrom";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final CommandGateway commandGateway;

    public ProcessTasks(TaskService taskService, RuntimeService runtimeService, CommandGateway commandGateway) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.commandGateway = commandGateway;
    }

    /**
     * Sends the command, then completes the task with the variables (see the outcome helpers of
     * ApplicationReviewProcess and AwardProcess). The actor becomes the assignee, so the history
     * says who completed it.
     *
     * @param actorGroups the candidate group names the actor belongs to (see {@link CandidateGroups})
     */
    @Transactional
    public void complete(String taskId, String actor, Set<String> actorGroups, Object command, Map<String, Object> variables) {
        requireMayAct(taskId, actor, actorGroups);
        commandGateway.sendAndWait(command);
        taskService.setAssignee(taskId, actor);
        taskService.complete(taskId, variables);
    }

    @Transactional
    public void claim(String taskId, String actor, Set<String> actorGroups) {
        Task task = requireMayAct(taskId, actor, actorGroups);
        if (task.getAssignee() == null) {
            taskService.claim(taskId, actor);
        }
    }

    /** Gives a claimed task back to its candidate groups; only the assignee can. */
    @Transactional
    public void unclaim(String taskId, String actor, Set<String> actorGroups) {
        Task task = requireMayAct(taskId, actor, actorGroups);
        if (task.getAssignee() != null) {
            taskService.claim(taskId, null);
        }
    }

    private Task requireMayAct(String taskId, String actor, Set<String> actorGroups) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        BusinessRuleViolation.require(task != null,
                "Task " + taskId + " is no longer open: someone else completed it or the case moved on");
        String what = "'" + task.getName() + "' of case " + caseOf(task);
        BusinessRuleViolation.require(task.getAssignee() == null || task.getAssignee().equals(actor),
                what + " is claimed by " + task.getAssignee() + "; they must complete or release it first");
        BusinessRuleViolation.require(isCandidate(taskId, actor, actorGroups),
                actor + " is not among the people who can work on " + what);
        Object mustDifferFrom = taskService.getVariable(taskId, MUST_DIFFER_FROM);
        if (mustDifferFrom != null) {
            BusinessRuleViolation.require(FourEyesPolicy.distinct(mustDifferFrom.toString(), actor),
                    "Four eyes: " + actor + " took the previous step of case " + caseOf(task) + ", so another person must do '"
                            + task.getName() + "'");
        }
        return task;
    }

    private boolean isCandidate(String taskId, String actor, Set<String> actorGroups) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            boolean candidate = IdentityLinkType.CANDIDATE.equals(link.getType());
            if (candidate && (actorGroups.contains(link.getGroupId()) || actor.equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    private String caseOf(Task task) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? task.getProcessInstanceId() : instance.getBusinessKey();
    }
}
