package org.strongcities.fund.web.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

        /** What the list calls the case: its title, or its key while it has none. */
        public String caseLabel() {
            return title != null ? title : businessKey;
        }

        /** The due day as the list shows it (server time zone), or null without a deadline. */
        public String dueDay() {
            return due == null ? null : DUE_DAY.format(due.toInstant());
        }
    }

    private static final DateTimeFormatter DUE_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    /** The most tasks one list shows: the ones due first; search narrows the rest down. */
    static final int PAGE = 50;
    private static final int SEARCHED = 2_000;

    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final String taskTable;
    private final String identityLinkTable;
    private final String executionTable;

    public TaskInbox(TaskService taskService, ManagementService managementService, JdbcTemplate jdbc) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.taskTable = table(managementService, Task.class);
        // Camunda names the table of identity links by its entity class only.
        this.identityLinkTable = table(managementService, IdentityLinkEntity.class);
        this.executionTable = table(managementService, Execution.class);
    }

    private static String table(ManagementService managementService, Class<?> entity) {
        return Objects.requireNonNull(managementService.getTableName(entity), "Camunda has no table for " + entity.getName());
    }

    /*
     * The two lists read Camunda's runtime tables in the SQL of Camunda's own task query for the same
     * criteria (assignee; candidate groups with assigned tasks included), with the business key of
     * each task's process in the same query. Through Camunda's query API the list took three queries,
     * and building their SQL from its mapping (a hundred conditions evaluated per query) was almost
     * half of the page's CPU under load. TaskListTest holds both to the same answers.
     */

    public List<TaskRow> mine(String username, String search) {
        return rows("T.ASSIGNEE_ = ?", username, search);
    }

    public List<TaskRow> ofGroups(Set<String> groups, String search) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return rows("EXISTS (SELECT 1 FROM " + identityLinkTable + " I WHERE I.TASK_ID_ = T.ID_ AND I.TYPE_ = 'candidate'"
                + " AND I.GROUP_ID_ = ANY (?))", groups.toArray(String[]::new), search);
    }

    /** An open task as the list needs it. */
    private record OpenTask(String id, String name, String definitionKey, String businessKey, String assignee,
                            Date created, Date due) {
    }

    /** Due first (tasks without a deadline last, as PostgreSQL sorts nulls), then oldest. */
    private List<OpenTask> firstDue(String criterion, Object value, int limit) {
        return jdbc.query("SELECT T.ID_, T.NAME_, T.TASK_DEF_KEY_, COALESCE(E.BUSINESS_KEY_, T.PROC_INST_ID_), T.ASSIGNEE_,"
                        + " T.CREATE_TIME_, T.DUE_DATE_ FROM " + taskTable + " T LEFT JOIN " + executionTable
                        + " E ON E.ID_ = T.PROC_INST_ID_ WHERE " + criterion
                        + " ORDER BY T.DUE_DATE_ ASC, T.CREATE_TIME_ ASC, T.ID_ ASC LIMIT ?",
                (rs, n) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6), rs.getTimestamp(7)), value, limit);
    }

    /** The task, if this person may see it: assigned to them or offered to one of their groups. */
    public Optional<Task> visibleTo(String taskId, String username, Set<String> groups) {
        TaskQuery query = taskService.createTaskQuery().taskId(taskId);
        query = groups.isEmpty() ? query.taskAssignee(username)
                : query.or().taskAssignee(username).taskCandidateGroupIn(List.copyOf(groups)).endOr();
        return Optional.ofNullable(query.singleResult());
    }

    /**
     * Who works on the task, when it is offered to one of these groups and a colleague (not this person)
     * has claimed it; empty otherwise, so a person outside its groups learns nothing about it.
     */
    public Optional<String> claimedByColleague(String taskId, String username, Set<String> groups) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Task task = taskService.createTaskQuery().taskId(taskId).taskCandidateGroupIn(List.copyOf(groups))
                .includeAssignedTasks().singleResult();
        return task == null || task.getAssignee() == null || task.getAssignee().equals(username) ? Optional.empty()
                : Optional.of(task.getAssignee());
    }

    /** Finds the open task of one step of a case, e.g. the approval of tranche t-2 of award a-1. */
    public Optional<Task> openTask(String businessKey, String definitionKey, String variable, Object value) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(definitionKey)
                .list().stream()
                .filter(task -> variable == null || value.equals(taskService.getVariable(task.getId(), variable)))
                .findFirst();
    }

    private List<TaskRow> rows(String criterion, Object value, String search) {
        // A long list is cut to what a person can work through, and a search looks further down before cutting.
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<OpenTask> tasks = firstDue(criterion, value, needle.isEmpty() ? PAGE : SEARCHED);
        Map<String, String[]> cases = caseInfo(tasks.stream().map(OpenTask::businessKey).distinct().toList());
        Date now = new Date();
        List<TaskRow> rows = new ArrayList<>();
        for (OpenTask task : tasks) {
            String[] info = cases.getOrDefault(task.businessKey(), new String[]{task.businessKey(), null, null, null});
            TaskRow row = new TaskRow(task.id(), task.name(), task.definitionKey(), task.businessKey(), info[0],
                    info[1], info[2], info[3], task.assignee(), task.created(), task.due(),
                    task.due() != null && task.due().before(now));
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
