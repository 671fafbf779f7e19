package org.strongcities.fund.web.opendata;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what the exports publish from the read models. Every figure is in USD. */
@Repository
public class OpenDataRepository {

    /** Awards read per query: what an export holds in memory at once, whatever the size of the Network. */
    static final int AWARDS_PER_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final int awardsPerBatch;

    @Autowired
    public OpenDataRepository(JdbcTemplate jdbc) {
        this(jdbc, AWARDS_PER_BATCH);
    }

    OpenDataRepository(JdbcTemplate jdbc, int awardsPerBatch) {
        this.jdbc = jdbc;
        this.awardsPerBatch = awardsPerBatch;
    }

    /**
     * Awards made in the period, oldest first, read lazily a batch at a time (each batch in four queries:
     * the awards, then their funding, tranches and refunds). The exports write each batch out before the
     * next is read, so a file of the whole Network never sits in memory. Consume the stream inside one
     * read-only transaction, so that the file is one consistent snapshot.
     */
    public Stream<AwardRecord> awards(Period period) {
        return Stream.iterate(batchAfter(period, null), batch -> !batch.isEmpty(),
                        batch -> batch.size() < awardsPerBatch ? List.of() : batchAfter(period, batch.get(batch.size() - 1)))
                .flatMap(List::stream);
    }

    /**
     * Whether any award was made in the period: one index probe, asked before a file is written, because
     * an IATI activity file or a 360Giving package without awards fails its schema and is not published.
     */
    public boolean anyAward(Period period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM rm_award WHERE made_at >= ? AND made_at < ?)", Boolean.class,
                utc(period.start()), utc(period.endExclusive())));
    }

    /** The next batch in (made_at, award_id) order, after the given award or from the start. */
    private List<AwardRecord> batchAfter(Period period, AwardRecord last) {
        List<AwardRecord> bare = jdbc.query("""
                SELECT a.award_id, a.application_id, ap.title, ap.summary, coalesce(ap.sensitive, TRUE) AS sensitive,
                       a.city_id, c.name AS city_name, c.country_code, a.region, a.priorities, a.support_type,
                       a.amount_usd, a.status, a.end_date, a.made_at, a.closed_at
                FROM rm_award a
                LEFT JOIN rm_application ap ON ap.application_id = a.application_id
                LEFT JOIN rm_city c ON c.city_id = a.city_id
                WHERE a.made_at >= ? AND a.made_at < ? AND (a.made_at, a.award_id) > (?, ?)
                ORDER BY a.made_at, a.award_id
                LIMIT ?""",
                (rs, row) -> new AwardRecord(rs.getString("award_id"), rs.getString("application_id"),
                        rs.getString("title"), rs.getString("summary"), rs.getBoolean("sensitive"),
                        rs.getString("city_id"), rs.getString("city_name"), trim(rs.getString("country_code")),
                        rs.getString("region"), split(rs.getString("priorities")), rs.getString("support_type"),
                        rs.getBigDecimal("amount_usd"), rs.getString("status"), localDate(rs.getDate("end_date")),
                        instant(rs.getTimestamp("made_at")), instant(rs.getTimestamp("closed_at")),
                        List.of(), List.of(), List.of()),
                utc(period.start()), utc(period.endExclusive()),
                // From the start of the period: every award id sorts after "".
                utc(last == null ? period.start() : last.madeAt()), last == null ? "" : last.awardId(),
                awardsPerBatch);
        if (bare.isEmpty()) {
            return bare;
        }
        String[] ids = bare.stream().map(AwardRecord::awardId).toArray(String[]::new);
        Map<String, List<AwardRecord.Funding>> funding = funding(ids);
        Map<String, List<AwardRecord.Tranche>> tranches = tranches(ids);
        Map<String, List<AwardRecord.Refund>> refunds = refunds(ids);
        return bare.stream().map(award -> award.with(funding.getOrDefault(award.awardId(), List.of()),
                tranches.getOrDefault(award.awardId(), List.of()), refunds.getOrDefault(award.awardId(), List.of())))
                .toList();
    }

    private Map<String, List<AwardRecord.Funding>> funding(String[] awardIds) {
        return perAward(jdbc.query("""
                SELECT f.award_id, f.contribution_id, f.amount_usd, d.donor_id, d.name, d.donor_type, d.iati_org_ref
                FROM rm_award_funding f
                LEFT JOIN rm_contribution k ON k.contribution_id = f.contribution_id
                LEFT JOIN rm_donor d ON d.donor_id = k.donor_id
                WHERE f.award_id = ANY(?) ORDER BY f.award_id, f.contribution_id""",
                (rs, row) -> Map.entry(rs.getString(1), new AwardRecord.Funding(rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))), (Object) awardIds));
    }

    private Map<String, List<AwardRecord.Tranche>> tranches(String[] awardIds) {
        return perAward(jdbc.query("""
                SELECT award_id, tranche_id, amount_usd, planned_date, status, value_date, paid_at
                FROM rm_tranche WHERE award_id = ANY(?) ORDER BY award_id, planned_date NULLS LAST, tranche_id""",
                (rs, row) -> Map.entry(rs.getString(1), new AwardRecord.Tranche(rs.getString(2), rs.getBigDecimal(3),
                        localDate(rs.getDate(4)), rs.getString(5), localDate(rs.getDate(6)), instant(rs.getTimestamp(7)))),
                (Object) awardIds));
    }

    private Map<String, List<AwardRecord.Refund>> refunds(String[] awardIds) {
        return perAward(jdbc.query("""
                SELECT award_id, reference, sum(amount_usd), min(occurred_at)
                FROM rm_ledger_entry WHERE award_id = ANY(?) AND entry_kind = 'REFUNDED'
                GROUP BY award_id, reference ORDER BY award_id, min(occurred_at), reference""",
                (rs, row) -> Map.entry(rs.getString(1), new AwardRecord.Refund(rs.getString(2), rs.getBigDecimal(3),
                        instant(rs.getTimestamp(4)))), (Object) awardIds));
    }

    /** Rows keyed by their award, in the order the query gave them. */
    private static <T> Map<String, List<T>> perAward(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> byAward = new HashMap<>();
        for (Map.Entry<String, T> row : rows) {
            byAward.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue());
        }
        return byAward;
    }

    /** Money received from one donor in one calendar year of the period. */
    public record DonorYear(int year, String donorId, String donorName, String donorIatiRef, BigDecimal receivedUsd) {
    }

    public List<DonorYear> receiptsByDonorAndYear(Period period) {
        return jdbc.query("""
                SELECT extract(YEAR FROM l.occurred_at AT TIME ZONE 'UTC')::int AS year, d.donor_id, d.name, d.iati_org_ref,
                       sum(l.amount_usd) AS received
                FROM rm_ledger_entry l
                JOIN rm_contribution k ON k.contribution_id = l.contribution_id
                JOIN rm_donor d ON d.donor_id = k.donor_id
                WHERE l.entry_kind = 'RECEIVED' AND l.occurred_at >= ? AND l.occurred_at < ?
                GROUP BY 1, d.donor_id, d.name, d.iati_org_ref ORDER BY 1, d.name""",
                (rs, row) -> new DonorYear(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)),
                utc(period.start()), utc(period.endExclusive()));
    }

    /** Net payments to cities (disbursed minus refunded) in one calendar year of the period. */
    public record YearTotal(int year, BigDecimal usd) {
    }

    public List<YearTotal> netPaymentsByYear(Period period) {
        return jdbc.query("""
                SELECT extract(YEAR FROM occurred_at AT TIME ZONE 'UTC')::int AS year,
                       sum(CASE WHEN entry_kind = 'DISBURSED' THEN amount_usd ELSE -amount_usd END)
                FROM rm_ledger_entry
                WHERE entry_kind IN ('DISBURSED', 'REFUNDED') AND occurred_at >= ? AND occurred_at < ?
                GROUP BY 1 ORDER BY 1""",
                (rs, row) -> new YearTotal(rs.getInt(1), rs.getBigDecimal(2)),
                utc(period.start()), utc(period.endExclusive()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
