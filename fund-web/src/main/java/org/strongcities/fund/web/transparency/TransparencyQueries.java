package org.strongcities.fund.web.transparency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.FundedActivity;

import static org.strongcities.fund.web.finance.LedgerQueries.usd;

import java.math.BigDecimal;
import java.util.List;

/**
 * The public figures. For a case marked sensitive (or an award whose case is unknown) the queries
 * return region, priorities and amounts only: the award id, city, title and year are blanked in SQL.
 */
@Repository
class TransparencyQueries {

    record Totals(BigDecimal received, BigDecimal committed, BigDecimal disbursed, BigDecimal refunded) {
    }

    record DonorYear(int year, String donor, BigDecimal received) {
    }

    private final JdbcTemplate jdbc;

    TransparencyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals() {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount_usd) FILTER (WHERE entry_kind = 'RECEIVED'), 0) AS received,
                       COALESCE(SUM(CASE entry_kind WHEN 'COMMITTED' THEN amount_usd
                                                    WHEN 'RELEASED' THEN -amount_usd
                                                    WHEN 'REFUNDED' THEN -amount_usd END), 0) AS committed,
                       COALESCE(SUM(amount_usd) FILTER (WHERE entry_kind = 'DISBURSED'), 0) AS disbursed,
                       COALESCE(SUM(amount_usd) FILTER (WHERE entry_kind = 'REFUNDED'), 0) AS refunded
                FROM rm_ledger_entry""",
                (rs, row) -> new Totals(usd(rs.getBigDecimal("received")), usd(rs.getBigDecimal("committed")),
                        usd(rs.getBigDecimal("disbursed")), usd(rs.getBigDecimal("refunded"))));
    }

    /** Money received per donor and calendar year of its value date, newest year first. */
    List<DonorYear> receivedByDonorAndYear() {
        return jdbc.query("""
                SELECT CAST(EXTRACT(YEAR FROM COALESCE(l.value_date, CAST(l.occurred_at AS DATE))) AS INTEGER) AS year,
                       COALESCE(d.name, c.donor_id) AS donor, SUM(l.amount_usd) AS received
                FROM rm_ledger_entry l
                JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                LEFT JOIN rm_donor d ON d.donor_id = c.donor_id
                WHERE l.entry_kind = 'RECEIVED'
                GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC, 2""",
                (rs, row) -> new DonorYear(rs.getInt("year"), rs.getString("donor"), rs.getBigDecimal("received")));
    }

    /** Awarded amounts per region, largest first (a sensitive case counts here too: region is public). */
    List<ActivityTotals.Line> awardedByRegion() {
        return ActivityTotals.sorted(jdbc.query("""
                SELECT region, SUM(amount_usd) AS awarded, COUNT(*) AS awards FROM rm_award GROUP BY region""",
                (rs, row) -> new ActivityTotals.Line(FundedActivity.regionName(rs.getString("region")),
                        rs.getBigDecimal("awarded"), rs.getInt("awards"))));
    }

    /** Awarded amounts per strategic priority; an award with several priorities counts in full under each. */
    List<ActivityTotals.Line> awardedByPriority() {
        return ActivityTotals.sorted(jdbc.query("""
                SELECT btrim(p.priority) AS priority, SUM(a.amount_usd) AS awarded, COUNT(*) AS awards
                FROM rm_award a CROSS JOIN LATERAL unnest(string_to_array(a.priorities, ',')) AS p(priority)
                WHERE btrim(p.priority) <> ''
                GROUP BY 1""",
                (rs, row) -> new ActivityTotals.Line(FundedActivity.priorityNames(rs.getString("priority")).get(0),
                        rs.getBigDecimal("awarded"), rs.getInt("awards"))));
    }

    int awardCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rm_award", Integer.class);
    }

    /** One page of awards, newest first; amount as awarded (with approved amendments), paid = disbursed. */
    List<FundedActivity> awards(int offset, int limit) {
        return jdbc.query("""
                SELECT COALESCE(app.sensitive, TRUE) AS sensitive,
                       CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE a.award_id END AS award_ref,
                       CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE COALESCE(ci.name, a.city_id) END AS city_name,
                       CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL ELSE COALESCE(app.title, a.purpose) END AS title,
                       CASE WHEN COALESCE(app.sensitive, TRUE) THEN NULL
                            ELSE CAST(EXTRACT(YEAR FROM a.made_at) AS INTEGER) END AS year,
                       a.region, a.priorities, a.amount_usd, a.paid_usd, a.refunded_usd
                FROM rm_award a
                LEFT JOIN rm_application app ON app.application_id = a.application_id
                LEFT JOIN rm_city ci ON ci.city_id = a.city_id
                ORDER BY a.made_at DESC, a.award_id
                LIMIT ? OFFSET ?""",
                (rs, row) -> new FundedActivity(rs.getBoolean("sensitive"), rs.getString("award_ref"),
                        rs.getString("city_name"), rs.getString("title"), (Integer) rs.getObject("year"),
                        rs.getString("region"), rs.getString("priorities"), rs.getBigDecimal("amount_usd"),
                        rs.getBigDecimal("paid_usd"), rs.getBigDecimal("refunded_usd")), limit, offset);
    }
}
