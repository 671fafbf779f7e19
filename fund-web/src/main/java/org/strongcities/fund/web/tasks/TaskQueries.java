package org.strongcities.fund.web.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.web.finance.CityHolds;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** The report or amendment a task is about, as the task page shows it. */
@Component
class TaskQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TaskQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The award's city and the overdue reports that hold its tranches, when there are any. */
    record Hold(String cityName, String overdueReports) {
    }

    Optional<Hold> hold(String awardId) {
        return jdbc.query("SELECT COALESCE(ci.name, a.city_id), " + CityHolds.overdueReportsOf("a.city_id")
                        + " FROM rm_award a LEFT JOIN rm_city ci ON ci.city_id = a.city_id WHERE a.award_id = ?",
                (rs, n) -> new Hold(rs.getString(1), rs.getString(2)), awardId)
                .stream().filter(hold -> hold.overdueReports() != null).findFirst();
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
