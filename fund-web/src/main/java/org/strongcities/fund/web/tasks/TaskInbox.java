package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task lists: Camunda says who must act and by when; the read models say what the case is
 * (title, city, amount) so a reviewer can choose without opening every task.
 */
@Component
public class TaskInbox {

    public record TaskRow(String taskId, String name, String definitionKey, String businessKey, String applicationId,
                          String title, String cityName, String region, String assignee, Date created, Date due,
                          boolean overdue) {
    }

    /** The most tasks one list shows: the ones due first; search narrows the rest down. */
    static final int PAGE = 50;
    private static final int SEARCHED = 2_000;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;

    public TaskInbox(TaskService taskService, RuntimeService runtimeService, JdbcTemplate jdbc) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    public List<TaskRow> mine(String username, String search) {
        return rows(taskService.createTaskQuery().taskAssignee(username), search);
    }

    public List<TaskRow> ofGroups(Set<String> groups, String search) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return rows(taskService.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks(), search);
    }

    /** The task, if this person may see it: assigned to them or offered to one of their groups. */
    public Optional<Task> visibleTo(String taskId, String username, Set<String> groups) {
        TaskQuery query = taskService.createTaskQuery().taskId(taskId);
        query = groups.isEmpty() ? query.taskAssignee(username)
                : query.or().taskAssignee(username).taskCandidateGroupIn(List.copyOf(groups)).endOr();
        return Optional.ofNullable(query.singleResult());
    }

    /** Finds the open task of one step of a case, e.g. the approval of tranche t-2 of award a-1. */
    public Optional<Task> openTask(String businessKey, String definitionKey, String variable, Object value) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(definitionKey)
                .list().stream()
                .filter(task -> variable == null || value.equals(taskService.getVariable(task.getId(), variable)))
                .findFirst();
    }

    private List<TaskRow> rows(TaskQuery query, String search) {
        // Due first, then oldest; a long list is cut to what a person can work through, and a search
        // looks further down before cutting.
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(0, needle.isEmpty() ? PAGE : SEARCHED);
        Map<String, String> businessKeys = businessKeys(tasks);
        Map<String, String[]> cases = caseInfo(businessKeys.values());
        Date now = new Date();
        List<TaskRow> rows = new ArrayList<>();
        for (Task task : tasks) {
            String businessKey = businessKeys.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId());
            String[] info = cases.getOrDefault(businessKey, new String[]{businessKey, null, null, null});
            TaskRow row = new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), businessKey, info[0],
                    info[1], info[2], info[3], task.getAssignee(), task.getCreateTime(), task.getDueDate(),
                    task.getDueDate() != null && task.getDueDate().before(now));
            if (needle.isEmpty() || matches(row, needle)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(TaskRow::overdue).reversed()
                .thenComparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TaskRow::created));
        return rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
    }

    private static boolean matches(TaskRow row, String needle) {
        return contains(row.title(), needle) || contains(row.cityName(), needle) || contains(row.businessKey(), needle)
                || contains(row.name(), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Process instance id to business key (application id or award id), in one query. */
    private Map<String, String> businessKeys(List<Task> tasks) {
        Set<String> instances = new HashSet<>();
        tasks.forEach(task -> instances.add(task.getProcessInstanceId()));
        Map<String, String> keys = new HashMap<>();
        if (!instances.isEmpty()) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()
                    .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
        }
        return keys;
    }

    /** applicationId, title, city, region per business key (application id or award id). */
    private Map<String, String[]> caseInfo(Collection<String> businessKeys) {
        Map<String, String[]> info = new HashMap<>();
        if (businessKeys.isEmpty()) {
            return info;
        }
        String[] keys = businessKeys.toArray(String[]::new);
        // Two lookups by key, not one OR over a join, which would read every application.
        jdbc.query("""
                SELECT a.application_id, a.title, c.name, c.region, NULL AS award_id
                FROM rm_application a LEFT JOIN rm_city c ON c.city_id = a.city_id
                WHERE a.application_id = ANY (?)
                UNION ALL
                SELECT a.application_id, a.title, c.name, c.region, w.award_id
                FROM rm_award w JOIN rm_application a ON a.application_id = w.application_id
                LEFT JOIN rm_city c ON c.city_id = a.city_id
                WHERE w.award_id = ANY (?)""", rs -> {
            String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
            info.put(rs.getString(1), row);
            if (rs.getString(5) != null) {
                info.put(rs.getString(5), row);
            }
        }, keys, keys);
        return info;
    }
}
