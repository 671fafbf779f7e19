package org.strongcities.fund.web.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.finance.LedgerEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.strongcities.fund.web.finance.LedgerQueries.inCurrency;
import static org.strongcities.fund.web.finance.LedgerQueries.usd;

/**
 * Sums over the read models for a period. A movement of rm_ledger_entry belongs to the day money
 * moved: a receipt to its value date, any other movement to the day (UTC) it was recorded. Queries
 * for one donor take the donor id as a parameter; for a case marked sensitive (or whose case is
 * unknown) the award id, city and title are blanked in SQL and never leave the database.
 */
@Repository
public class ReportQueries {

    /** The day of a ledger movement (alias l). */
    static final String DAY = "COALESCE(l.value_date, CAST(l.occurred_at AT TIME ZONE 'UTC' AS DATE))";

    private static final String SUMS = """
            COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'RECEIVED'), 0) AS received,
            COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'COMMITTED'), 0) AS committed_gross,
            COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'RELEASED'), 0) AS released,
            COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'DISBURSED'), 0) AS disbursed,
            COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'REFUNDED'), 0) AS refunded""";

    private static final RowMapper<Movements> MOVEMENTS = (rs, row) -> new Movements(usd(rs.getBigDecimal("received")),
            usd(rs.getBigDecimal("committed_gross")), usd(rs.getBigDecimal("released")), usd(rs.getBigDecimal("disbursed")),
            usd(rs.getBigDecimal("refunded")));

    private static final String SENSITIVE = "COALESCE(app.sensitive, TRUE)";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> {
        String currency = rs.getString("original_currency");
        return new LedgerEntry(rs.getString("event_id"), rs.getString("contribution_id"), rs.getString("award_id"),
                rs.getString("entry_kind"), usd(rs.getBigDecimal("amount_usd")),
                currency == null ? rs.getBigDecimal("original_amount") : inCurrency(rs.getBigDecimal("original_amount"), currency),
                currency == null ? null : currency.trim(), rs.getBigDecimal("rate"), rs.getString("rate_source"),
                rs.getObject("value_date", LocalDate.class), rs.getString("reference"),
                rs.getObject("occurred_at", OffsetDateTime.class));
    };

    /** The money movements of a period, gross; committed in the finance pages' sense is {@link #committed()}. */
    public record Movements(BigDecimal received, BigDecimal committedGross, BigDecimal released, BigDecimal disbursed,
                     BigDecimal refunded) {

        /** Committed net of releases and refunds, as the finance and donor pages count it. */
        public BigDecimal committed() {
            return committedGross.subtract(released).subtract(refunded);
        }

        /** Received and not committed. */
        public BigDecimal available() {
            return received.subtract(committed());
        }
    }

    public record DonorRow(String donorId, String name) {
    }

    public record DonorIn(String donorId, String name, int receipts, BigDecimal received) {
    }

    public record RegionMoney(String region, BigDecimal disbursed, BigDecimal refunded) {
        public String regionName() {
            return FundedActivity.regionName(region);
        }
    }

    public record ApplicationCounts(int received, int decided, int approved, int declined, int awarded) {
    }

    public record ReportCounts(int due, int accepted, int overdue) {
    }

    /** A city whose awards had money committed or paid in the period; disclosed is false if all its cases are sensitive. */
    public record CityRow(String cityId, String name, String countryCode, String region, boolean disclosed) {
        public String regionName() {
            return FundedActivity.regionName(region);
        }
    }

    private final JdbcTemplate jdbc;

    ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> donorName(String donorId) {
        return jdbc.queryForList("SELECT name FROM rm_donor WHERE donor_id = ?", String.class, donorId).stream().findFirst();
    }

    List<DonorRow> donors() {
        return jdbc.query("SELECT donor_id, name FROM rm_donor ORDER BY name, donor_id",
                (rs, row) -> new DonorRow(rs.getString("donor_id"), rs.getString("name")));
    }

    /** Everything the donor's contributions moved in the period. */
    Movements donorMovements(String donorId, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("SELECT " + SUMS + """

                FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                WHERE c.donor_id = ? AND %s BETWEEN ? AND ?""".formatted(DAY), MOVEMENTS, donorId, from, to);
    }

    /** The donor's receipts in the period, with their conversion to USD. */
    List<LedgerEntry> donorReceipts(String donorId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT l.* FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                WHERE c.donor_id = ? AND l.entry_kind = 'RECEIVED' AND %s BETWEEN ? AND ?
                ORDER BY %s, l.occurred_at, l.event_id""".formatted(DAY, DAY), ENTRY, donorId, from, to);
    }

    /** The awards the donor's money moved for in the period, with what moved (committed net, paid, refunded). */
    List<FundedActivity> donorActivities(String donorId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT %1$s AS sensitive,
                       CASE WHEN %1$s THEN NULL ELSE a.award_id END AS award_ref,
                       CASE WHEN %1$s THEN NULL ELSE COALESCE(ci.name, a.city_id) END AS city_name,
                       CASE WHEN %1$s THEN NULL ELSE COALESCE(app.title, a.purpose) END AS title,
                       a.region, a.priorities, %2$s
                FROM rm_ledger_entry l
                JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                JOIN rm_award a ON a.award_id = l.award_id
                LEFT JOIN rm_application app ON app.application_id = a.application_id
                LEFT JOIN rm_city ci ON ci.city_id = a.city_id
                WHERE c.donor_id = ? AND %3$s BETWEEN ? AND ?
                GROUP BY a.award_id, app.sensitive, ci.name, app.title, a.purpose, a.region, a.priorities, a.made_at
                ORDER BY a.made_at, a.award_id""".formatted(SENSITIVE, SUMS, DAY),
                (rs, row) -> {
                    Movements m = MOVEMENTS.mapRow(rs, row);
                    return new FundedActivity(rs.getBoolean("sensitive"), rs.getString("award_ref"), rs.getString("city_name"),
                            rs.getString("title"), null, rs.getString("region"), rs.getString("priorities"),
                            m.committed(), m.disbursed(), m.refunded());
                }, donorId, from, to);
    }

    /** What the whole fund moved in the period. */
    Movements fundMovements(LocalDate from, LocalDate to) {
        return jdbc.queryForObject("SELECT " + SUMS + " FROM rm_ledger_entry l WHERE %s BETWEEN ? AND ?".formatted(DAY),
                MOVEMENTS, from, to);
    }

    /** Money received per donor in the period, largest first. */
    List<DonorIn> moneyInByDonor(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT c.donor_id, COALESCE(d.name, c.donor_id) AS name, count(*) AS receipts, SUM(l.amount_usd) AS received
                FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                LEFT JOIN rm_donor d ON d.donor_id = c.donor_id
                WHERE l.entry_kind = 'RECEIVED' AND %s BETWEEN ? AND ?
                GROUP BY c.donor_id, d.name ORDER BY received DESC, name""".formatted(DAY),
                (rs, row) -> new DonorIn(rs.getString("donor_id"), rs.getString("name"), rs.getInt("receipts"),
                        usd(rs.getBigDecimal("received"))), from, to);
    }

    /** The awards made in the period (amount as awarded, with approved amendments); sensitive ones blanked. */
    List<FundedActivity> awardsMade(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT %1$s AS sensitive,
                       CASE WHEN %1$s THEN NULL ELSE a.award_id END AS award_ref,
                       CASE WHEN %1$s THEN NULL ELSE COALESCE(ci.name, a.city_id) END AS city_name,
                       CASE WHEN %1$s THEN NULL ELSE COALESCE(app.title, a.purpose) END AS title,
                       a.region, a.priorities, a.amount_usd, a.paid_usd, a.refunded_usd
                FROM rm_award a
                LEFT JOIN rm_application app ON app.application_id = a.application_id
                LEFT JOIN rm_city ci ON ci.city_id = a.city_id
                WHERE a.made_at >= ? AND a.made_at < ?
                ORDER BY a.made_at, a.award_id""".formatted(SENSITIVE),
                (rs, row) -> new FundedActivity(rs.getBoolean("sensitive"), rs.getString("award_ref"),
                        rs.getString("city_name"), rs.getString("title"), null, rs.getString("region"),
                        rs.getString("priorities"), usd(rs.getBigDecimal("amount_usd")), usd(rs.getBigDecimal("paid_usd")),
                        usd(rs.getBigDecimal("refunded_usd"))), start(from), end(to));
    }

    /** Paid out and refunded in the period, per region of the award. */
    List<RegionMoney> paymentsByRegion(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT a.region,
                       COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'DISBURSED'), 0) AS disbursed,
                       COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'REFUNDED'), 0) AS refunded
                FROM rm_ledger_entry l JOIN rm_award a ON a.award_id = l.award_id
                WHERE l.entry_kind IN ('DISBURSED', 'REFUNDED') AND %s BETWEEN ? AND ?
                GROUP BY a.region ORDER BY disbursed DESC, a.region""".formatted(DAY),
                (rs, row) -> new RegionMoney(rs.getString("region"), usd(rs.getBigDecimal("disbursed")),
                        usd(rs.getBigDecimal("refunded"))), from, to);
    }

    /** Applications submitted (first submission), decided, approved, declined, and awards made in the period. */
    ApplicationCounts applicationCounts(LocalDate from, LocalDate to) {
        OffsetDateTime start = start(from);
        OffsetDateTime end = end(to);
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM rm_application WHERE submitted_at >= ? AND submitted_at < ?) AS received,
                       (SELECT count(*) FROM rm_application WHERE decision_type IS NOT NULL
                            AND decided_at >= ? AND decided_at < ?) AS decided,
                       (SELECT count(*) FROM rm_application WHERE decision_type IN ('APPROVE_IN_FULL', 'APPROVE_PARTIALLY')
                            AND decided_at >= ? AND decided_at < ?) AS approved,
                       (SELECT count(*) FROM rm_application WHERE decision_type = 'DECLINE'
                            AND decided_at >= ? AND decided_at < ?) AS declined,
                       (SELECT count(*) FROM rm_award WHERE made_at >= ? AND made_at < ?) AS awarded""",
                (rs, row) -> new ApplicationCounts(rs.getInt("received"), rs.getInt("decided"), rs.getInt("approved"),
                        rs.getInt("declined"), rs.getInt("awarded")),
                start, end, start, end, start, end, start, end, start, end);
    }

    /** Reports due in the period, accepted in it, and those due in it that are overdue now. */
    ReportCounts reportCounts(LocalDate from, LocalDate to) {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM rm_report WHERE due_date BETWEEN ? AND ?) AS due,
                       (SELECT count(*) FROM rm_report WHERE status = 'ACCEPTED' AND decided_at >= ? AND decided_at < ?) AS accepted,
                       (SELECT count(*) FROM rm_report WHERE status = 'OVERDUE' AND due_date BETWEEN ? AND ?) AS overdue""",
                (rs, row) -> new ReportCounts(rs.getInt("due"), rs.getInt("accepted"), rs.getInt("overdue")),
                from, to, start(from), end(to), from, to);
    }

    /** The cities whose awards had money committed or paid out in the period. */
    List<CityRow> citiesSupported(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT a.city_id, ci.name, ci.country_code, MIN(a.region) AS region,
                       bool_or(NOT %1$s) AS disclosed
                FROM rm_ledger_entry l JOIN rm_award a ON a.award_id = l.award_id
                LEFT JOIN rm_application app ON app.application_id = a.application_id
                LEFT JOIN rm_city ci ON ci.city_id = a.city_id
                WHERE l.entry_kind IN ('COMMITTED', 'DISBURSED') AND %2$s BETWEEN ? AND ?
                GROUP BY a.city_id, ci.name, ci.country_code
                ORDER BY region, ci.name, a.city_id""".formatted(SENSITIVE, DAY),
                (rs, row) -> {
                    boolean disclosed = rs.getBoolean("disclosed");
                    return new CityRow(disclosed ? rs.getString("city_id") : null,
                            disclosed ? (rs.getString("name") == null ? rs.getString("city_id") : rs.getString("name")) : null,
                            disclosed && rs.getString("country_code") != null ? rs.getString("country_code").trim() : null,
                            rs.getString("region"), disclosed);
                }, from, to);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime end(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
