package org.strongcities.fund.web.admin;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the process engine is doing right now, as operators need it: running cases, failed jobs, incidents. */
@Component
class ProcessOverview {

    /** How many running instances the page lists at most (the newest first). */
    static final int PAGE = 500;

    public record Running(String processInstanceId, String processKey, String processName, String businessKey,
                   List<String> currentSteps, Instant startedAt) {
    }

    public record OpenIncident(String incidentId, String type, String message, String activityId, String processInstanceId,
                        String businessKey, String jobId, Instant at) {
    }

    public record FailedJob(String jobId, String processInstanceId, String businessKey, String activityId, int retries,
                     String exceptionMessage, Instant due) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final RepositoryService repository;
    private final ProcessEngineConfiguration configuration;

    ProcessOverview(RuntimeService runtime, HistoryService history, ManagementService management,
                    RepositoryService repository, ProcessEngineConfiguration configuration) {
        this.runtime = runtime;
        this.history = history;
        this.management = management;
        this.repository = repository;
        this.configuration = configuration;
    }

    long runningCount() {
        return runtime.createProcessInstanceQuery().count();
    }

    long incidentCount() {
        return runtime.createIncidentQuery().count();
    }

    List<Running> running() {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().unfinished()
                .orderByProcessInstanceStartTime().desc().listPage(0, PAGE);
        // One query for every unfinished step, instead of one per instance.
        Map<String, List<String>> steps = history.createHistoricActivityInstanceQuery().unfinished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .filter(step -> !step.getActivityType().endsWith("subProcess") || step.getActivityName() != null)
                .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId,
                        Collectors.mapping(ProcessOverview::stepName, Collectors.toList())));
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        return instances.stream().map(instance -> {
            ProcessDefinition definition = definitions.computeIfAbsent(instance.getProcessDefinitionId(),
                    repository::getProcessDefinition);
            return new Running(instance.getId(), instance.getProcessDefinitionKey(),
                    definition.getName() == null ? definition.getKey() : definition.getName(), instance.getBusinessKey(),
                    steps.getOrDefault(instance.getId(), List.of()), instant(instance.getStartTime()));
        }).toList();
    }

    List<OpenIncident> incidents() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list();
        Map<String, String> keys = businessKeys(incidents.stream().map(Incident::getProcessInstanceId).toList());
        return incidents.stream().map(incident -> new OpenIncident(incident.getId(), incident.getIncidentType(),
                incident.getIncidentMessage(), incident.getActivityId(), incident.getProcessInstanceId(),
                keys.get(incident.getProcessInstanceId()),
                Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration() : null,
                instant(incident.getIncidentTimestamp()))).toList();
    }

    List<FailedJob> failedJobs() {
        List<Job> jobs = management.createJobQuery().withException().orderByJobDuedate().asc().list();
        Map<String, String> keys = businessKeys(jobs.stream().map(Job::getProcessInstanceId).toList());
        return jobs.stream().map(job -> new FailedJob(job.getId(), job.getProcessInstanceId(),
                keys.get(job.getProcessInstanceId()), job.getFailedActivityId(), job.getRetries(),
                job.getExceptionMessage(), instant(job.getDuedate()))).toList();
    }

    /** Gives a failed job one more attempt; its incident is resolved by the engine. Empty when there is no such job. */
    Optional<Job> retry(String jobId) {
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        if (job == null) {
            return Optional.empty();
        }
        management.setJobRetries(jobId, 1);
        return Optional.of(job);
    }

    /** The engine-wide retry cycle for jobs whose model does not set one, or null for Camunda's default. */
    String defaultRetryCycle() {
        return configuration instanceof ProcessEngineConfigurationImpl impl ? impl.getFailedJobRetryTimeCycle() : null;
    }

    private Map<String, String> businessKeys(List<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(id -> id != null).distinct().toList();
        Map<String, String> keys = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).list()
                    .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
        }
        return keys;
    }

    private static String stepName(HistoricActivityInstance step) {
        return step.getActivityName() == null ? step.getActivityId() : step.getActivityName();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
