package org.strongcities.fund.web.donor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.finance.LedgerQueries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one donor may see. Every query is filtered by the donor id of the signed-in account; the
 * fields of a sensitive case (award id, city, title) are blanked in SQL, so they never reach the page.
 */
@Repository
class DonorQueries {

    private static final String ACTIVITIES = """
            SELECT COALESCE(app.sensitive, TRUE) AS sensitive,
                   CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE a.award_id END AS award_ref,
                   CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE COALESCE(ci.name, a.city_id) END AS city_name,
                   CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE COALESCE(app.title, a.purpose) END AS title,
                   a.region, a.priorities,
                   COALESCE(SUM(CASE l.entry_kind WHEN 'COMMITTED' THEN l.amount_usd
                                                  WHEN 'RELEASED' THEN -l.amount_usd
                                                  WHEN 'REFUNDED' THEN -l.amount_usd END), 0) AS committed,
                   COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'DISBURSED'), 0) AS disbursed,
                   COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'REFUNDED'), 0) AS refunded
            FROM rm_ledger_entry l
            JOIN rm_contribution c ON c.contribution_id = l.contribution_id
            JOIN rm_award a ON a.award_id = l.award_id
            LEFT JOIN rm_application app ON app.application_id = a.application_id
            LEFT JOIN rm_city ci ON ci.city_id = a.city_id
            WHERE c.donor_id = ? %s
            GROUP BY a.award_id, app.sensitive, ci.name, app.title, a.purpose, a.region, a.priorities, a.made_at
            ORDER BY a.made_at DESC, a.award_id""";

    private static final RowMapper<FundedActivity> ACTIVITY = (rs, row) -> new FundedActivity(rs.getBoolean("sensitive"),
            rs.getString("award_ref"), rs.getString("city_name"), rs.getString("title"), null, rs.getString("region"),
            rs.getString("priorities"), LedgerQueries.usd(rs.getBigDecimal("committed")),
            LedgerQueries.usd(rs.getBigDecimal("disbursed")), LedgerQueries.usd(rs.getBigDecimal("refunded")));

    private final JdbcTemplate jdbc;

    DonorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> donorName(String donorId) {
        return jdbc.queryForList("SELECT name FROM rm_donor WHERE donor_id = ?", String.class, donorId).stream().findFirst();
    }

    /** The awards the donor's money went to; with a contribution id, only those funded by it (if it is the donor's). */
    List<FundedActivity> activities(String donorId, String contributionId) {
        List<Object> args = new ArrayList<>();
        args.add(donorId);
        String filter = "";
        if (contributionId != null) {
            filter = "AND c.contribution_id = ?";
            args.add(contributionId);
        }
        return jdbc.query(ACTIVITIES.formatted(filter), ACTIVITY, args.toArray());
    }
}
