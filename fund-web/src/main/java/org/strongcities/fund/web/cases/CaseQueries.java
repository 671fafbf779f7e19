package org.strongcities.fund.web.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.cases.CaseViews.AwardView;
import org.strongcities.fund.web.cases.CaseViews.CaseSummary;
import org.strongcities.fund.web.cases.CaseViews.ReportView;
import org.strongcities.fund.web.cases.CaseViews.ReviewView;
import org.strongcities.fund.web.cases.CaseViews.TimelineEntry;
import org.strongcities.fund.web.cases.CaseViews.TrancheView;
import org.strongcities.fund.web.cases.CaseViews.VersionEntry;
import org.strongcities.fund.web.readmodel.CaseProjection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads cases from the read models for the city portal and the reviewers. */
@Component
public class CaseQueries {

    private static final String CASE_SELECT = """
            SELECT a.*, c.name AS city_name, c.region, c.hub_id FROM rm_application a
            LEFT JOIN rm_city c ON c.city_id = a.city_id""";

    private static final RowMapper<CaseSummary> CASE = (rs, row) -> new CaseSummary(
            rs.getString("application_id"), rs.getString("city_id"), rs.getString("city_name"), rs.getString("region"),
            rs.getString("hub_id"), rs.getString("title"), rs.getString("status"), rs.getInt("version"),
            rs.getBigDecimal("requested_amount"), rs.getString("requested_currency"), rs.getBoolean("sensitive"),
            rs.getString("decision_type"), rs.getBigDecimal("approved_amount"), rs.getString("approved_currency"),
            rs.getString("conditions"), rs.getString("rationale_for_applicant"), rs.getString("decided_by"),
            rs.getString("award_id"),
            rs.getObject("updated_at", OffsetDateTime.class));

    private static final RowMapper<TimelineEntry> TIMELINE_ENTRY = (rs, row) -> new TimelineEntry(
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("status_word"), rs.getString("detail"),
            rs.getString("actor"));

    private final JdbcTemplate jdbc;

    public CaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CaseSummary> casesOfCity(String cityId) {
        return jdbc.query(CASE_SELECT + " WHERE a.city_id = ? ORDER BY a.updated_at DESC", CASE, cityId);
    }

    public Optional<CaseSummary> find(String applicationId) {
        return jdbc.query(CASE_SELECT + " WHERE a.application_id = ?", CASE, applicationId).stream().findFirst();
    }

    public Optional<String> draftContent(String applicationId) {
        return jdbc.queryForList("SELECT draft_content FROM rm_application WHERE application_id = ? AND draft_content IS NOT NULL",
                String.class, applicationId).stream().findFirst();
    }

    /**
     * The applicant's timeline: every step but the one only staff see ({@link CaseProjection#CONFIRMATION_WITHHELD}),
     * and not who took them.
     */
    public List<TimelineEntry> timeline(String applicationId) {
        return jdbc.query("SELECT occurred_at, status_word, detail, NULL AS actor FROM rm_case_event WHERE application_id = ?"
                + " AND status_word <> ? ORDER BY occurred_at", TIMELINE_ENTRY, applicationId, CaseProjection.CONFIRMATION_WITHHELD);
    }

    /** The whole timeline with who took each step, for staff pages. */
    public List<TimelineEntry> staffTimeline(String applicationId) {
        return jdbc.query("SELECT occurred_at, status_word, detail, actor FROM rm_case_event WHERE application_id = ?"
                + " ORDER BY occurred_at", TIMELINE_ENTRY, applicationId);
    }

    public List<VersionEntry> versions(String applicationId) {
        return jdbc.query("""
                SELECT version, submitted_at, submitted_by, response_to_reviewers, content FROM rm_application_version
                WHERE application_id = ? ORDER BY version DESC""",
                (rs, row) -> new VersionEntry(rs.getInt("version"), rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getString("submitted_by"), rs.getString("response_to_reviewers"), rs.getString("content")),
                applicationId);
    }

    public Optional<AwardView> award(String awardId) {
        if (awardId == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM rm_award WHERE award_id = ?", (rs, row) -> new AwardView(rs.getString("award_id"),
                rs.getBigDecimal("amount_usd"), rs.getBigDecimal("paid_usd"), rs.getBigDecimal("refunded_usd"),
                rs.getString("status"), rs.getString("conditions"), date(rs, "end_date")), awardId).stream().findFirst();
    }

    public List<TrancheView> tranches(String awardId) {
        return jdbc.query("SELECT * FROM rm_tranche WHERE award_id = ? ORDER BY planned_date, tranche_id",
                (rs, row) -> new TrancheView(rs.getString("tranche_id"), rs.getBigDecimal("amount_usd"),
                        date(rs, "planned_date"), rs.getString("requires_report_id"), rs.getString("status"),
                        rs.getString("payment_reference"), date(rs, "value_date")), awardId);
    }

    public List<ReportView> reports(String awardId) {
        return jdbc.query("SELECT * FROM rm_report WHERE award_id = ? ORDER BY due_date",
                (rs, row) -> new ReportView(rs.getString("report_id"), rs.getString("kind"), date(rs, "due_date"),
                        rs.getString("status"), rs.getString("decision_reason")), awardId);
    }

    public List<ReviewView> reviews(String applicationId) {
        return jdbc.query("SELECT * FROM rm_review WHERE application_id = ? ORDER BY application_version, stage, reviewer",
                (rs, row) -> new ReviewView(rs.getString("review_id"), rs.getInt("application_version"),
                        rs.getString("reviewer"), rs.getString("stage"), rs.getBoolean("recused"),
                        (Integer) rs.getObject("total_score"), rs.getString("recommendation"),
                        rs.getString("rationale_for_applicant"), rs.getString("internal_comments"), rs.getInt("revision"),
                        rs.getString("scores")), applicationId);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
