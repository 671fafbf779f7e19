package org.strongcities.fund.web.admin;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens when a job of a process (an async step, a timer, a delegate's command) fails: the
 * engine rolls the step back to its last wait state (the case keeps its place and its events),
 * tries again after a pause, and after the last attempt stops and raises an incident that the
 * operators see on /admin/processes, where they retry it once the cause is fixed.
 *
 * <p>A model can set its own cycle on an element (the eligibility check waits five minutes
 * between attempts); every other job uses this engine-wide cycle, {@code fund.process.failed-job-retry-cycle}
 * as an ISO 8601 repetition: {@code R3/PT1M} is three retries one minute apart. Camunda's built-in
 * default would retry three times at once, which does not give a passing fault (a database
 * restart, a lock) time to go away.
 */
@Component
class FailedJobRetries extends AbstractProcessEnginePlugin {

    private final String cycle;

    FailedJobRetries(@Value("${fund.process.failed-job-retry-cycle:R3/PT1M}") String cycle) {
        this.cycle = cycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (cycle != null && !cycle.isBlank()) {
            configuration.setFailedJobRetryTimeCycle(cycle);
        }
    }
}
