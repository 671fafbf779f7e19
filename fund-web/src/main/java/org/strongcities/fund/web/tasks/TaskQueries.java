package org.strongcities.fund.web.tasks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The report or amendment a task is about, as the task page shows it. */
@Component
class TaskQueries {

    private final JdbcTemplate jdbc;

    TaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> report(String awardId, String reportId) {
        return jdbc.queryForList("SELECT * FROM rm_report WHERE award_id = ? AND report_id = ?", awardId, reportId)
                .stream().findFirst().orElse(Map.of());
    }

    Map<String, Object> amendment(String awardId, String amendmentId) {
        return jdbc.queryForList("SELECT * FROM rm_amendment WHERE award_id = ? AND amendment_id = ?", awardId, amendmentId)
                .stream().findFirst().orElse(Map.of());
    }
}
