package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A task someone acts on that is no longer open. Camunda's history (audit level keeps task instances) says
 * whether it was completed, by whom and when; a task it does not know, or one that ended without being
 * completed (the case moved on), was "already completed or withdrawn".
 */
final class TaskNoLongerOpen extends RuntimeException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    /** Camunda's delete reason of a task that was completed (TaskEntity.DELETE_REASON_COMPLETED). */
    private static final String COMPLETED = "completed";

    private final boolean known;

    private TaskNoLongerOpen(String message, boolean known) {
        super(message);
        this.known = known;
    }

    /** Whether the task existed (its history is there): it ended, rather than never having been. */
    boolean known() {
        return known;
    }

    static TaskNoLongerOpen of(String taskId, HistoryService history) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null) {
            return new TaskNoLongerOpen("This task is no longer open: it was already completed or withdrawn. Nothing was recorded.",
                    false);
        }
        String what = "'" + task.getName() + "'" + caseOf(task, history);
        if (COMPLETED.equals(task.getDeleteReason()) && task.getAssignee() != null && task.getEndTime() != null) {
            return new TaskNoLongerOpen("This task is no longer open: " + what + " was completed by " + task.getAssignee()
                    + " on " + WHEN.format(task.getEndTime().toInstant()) + ". Nothing was recorded.", true);
        }
        return new TaskNoLongerOpen("This task is no longer open: " + what
                + " was already completed or withdrawn. Nothing was recorded.", true);
    }

    private static String caseOf(HistoricTaskInstance task, HistoryService history) {
        if (task.getProcessInstanceId() == null) {
            return "";
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null || instance.getBusinessKey() == null ? "" : " of case " + instance.getBusinessKey();
    }
}
