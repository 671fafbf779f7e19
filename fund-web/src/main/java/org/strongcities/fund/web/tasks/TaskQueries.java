package org.strongcities.fund.web.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The report or amendment a task is about, as the task page shows it. */
@Component
class TaskQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TaskQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Object> report(String awardId, String reportId) {
        return jdbc.queryForList("SELECT * FROM rm_report WHERE award_id = ? AND report_id = ?", awardId, reportId)
                .stream().findFirst().orElse(Map.of());
    }

    Map<String, Object> amendment(String awardId, String amendmentId) {
        return jdbc.queryForList("SELECT * FROM rm_amendment WHERE award_id = ? AND amendment_id = ?", awardId, amendmentId)
                .stream().findFirst().orElse(Map.of());
    }

    /** The change the amendment proposes, as the projection stored it; null without one. */
    AmendmentTerms terms(Map<String, Object> amendment) {
        Object stored = amendment.get("terms");
        try {
            return stored == null ? null : json.readValue(stored.toString(), AmendmentTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored amendment terms are not readable", e);
        }
    }
}
