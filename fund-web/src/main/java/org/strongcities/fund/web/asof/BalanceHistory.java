package org.strongcities.fund.web.asof;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Contribution balances as they stood at a moment: the ledger's money movements up to then, summed. */
@Service
public class BalanceHistory {

    private final JdbcTemplate jdbc;

    public BalanceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Balances at {@code cutoff} (inclusive), of every contribution or, when donorId is given, of
     * that donor's only.
     */
    public List<ContributionBalance> asOf(Instant cutoff, String donorId) {
        // PostgreSQL keeps microseconds; a finer cut-off would be rounded by the driver, possibly upwards.
        Object at = cutoff.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return jdbc.query("""
                SELECT k.contribution_id, k.donor_id, d.name, k.earmark_kind, k.earmark_value, k.signed_at <= ? AS signed,
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_kind = 'RECEIVED'), 0) AS received,
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_kind = 'COMMITTED'), 0)
                         - coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_kind IN ('RELEASED', 'REFUNDED')), 0) AS committed,
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_kind = 'DISBURSED'), 0) AS disbursed,
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_kind = 'REFUNDED'), 0) AS refunded
                FROM rm_contribution k
                LEFT JOIN rm_donor d ON d.donor_id = k.donor_id
                LEFT JOIN rm_ledger_entry l ON l.contribution_id = k.contribution_id AND l.occurred_at <= ?
                WHERE (CAST(? AS VARCHAR) IS NULL OR k.donor_id = ?)
                GROUP BY k.contribution_id, k.donor_id, d.name, k.earmark_kind, k.earmark_value, k.signed_at
                ORDER BY d.name, k.contribution_id""",
                (rs, row) -> new ContributionBalance(rs.getString("contribution_id"), rs.getString("donor_id"),
                        rs.getString("name"), earmark(rs.getString("earmark_kind"), rs.getString("earmark_value")),
                        rs.getBoolean("signed"), rs.getBigDecimal("received"), rs.getBigDecimal("committed"),
                        rs.getBigDecimal("disbursed"), rs.getBigDecimal("refunded")),
                at, at, donorId, donorId);
    }

    private static String earmark(String kind, String value) {
        return value == null ? kind.toLowerCase().replace('_', ' ') : kind.toLowerCase().replace('_', ' ') + ": " + value;
    }
}
