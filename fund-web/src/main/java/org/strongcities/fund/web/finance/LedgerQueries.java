package org.strongcities.fund.web.finance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.EarmarkKind;
import org.strongcities.fund.domain.policy.EarmarkPolicy;
import org.strongcities.fund.web.platform.ProjectedValues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Balances and ledger lines from the read models. Every balance is a sum over rm_ledger_entry with the
 * same definitions as the Contribution aggregate. Queries for one donor take the donor id as a
 * parameter and never return another donor's rows.
 */
@Repository
public class LedgerQueries {

    private static final String BALANCES = """
            SELECT c.contribution_id, c.donor_id, COALESCE(d.name, c.donor_id) AS donor_name, c.pledged_amount,
                   c.pledged_currency, c.period_start, c.period_end, c.earmark_kind, c.earmark_value, c.signed_at,
                   COALESCE(SUM(l.original_amount) FILTER (WHERE l.entry_kind = 'RECEIVED'), 0) AS received_original,
                   COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'RECEIVED'), 0) AS received,
                   COALESCE(SUM(CASE l.entry_kind WHEN 'COMMITTED' THEN l.amount_usd
                                                  WHEN 'RELEASED' THEN -l.amount_usd
                                                  WHEN 'REFUNDED' THEN -l.amount_usd END), 0) AS committed,
                   COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'DISBURSED'), 0) AS disbursed,
                   COALESCE(SUM(l.amount_usd) FILTER (WHERE l.entry_kind = 'REFUNDED'), 0) AS refunded
            FROM rm_contribution c
            LEFT JOIN rm_donor d ON d.donor_id = c.donor_id
            LEFT JOIN rm_ledger_entry l ON l.contribution_id = c.contribution_id
            %s
            GROUP BY c.contribution_id, d.name
            ORDER BY donor_name, c.signed_at, c.contribution_id""";

    private static final RowMapper<ContributionBalance> BALANCE = (rs, row) -> new ContributionBalance(
            rs.getString("contribution_id"), rs.getString("donor_id"), rs.getString("donor_name"),
            inCurrency(rs.getBigDecimal("pledged_amount"), rs.getString("pledged_currency")), rs.getString("pledged_currency").trim(),
            rs.getObject("period_start", java.time.LocalDate.class), rs.getObject("period_end", java.time.LocalDate.class),
            rs.getString("earmark_kind"), rs.getString("earmark_value"), rs.getObject("signed_at", OffsetDateTime.class),
            inCurrency(rs.getBigDecimal("received_original"), rs.getString("pledged_currency")), usd(rs.getBigDecimal("received")),
            usd(rs.getBigDecimal("committed")), usd(rs.getBigDecimal("disbursed")), usd(rs.getBigDecimal("refunded")));

    private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> new LedgerEntry(
            rs.getString("event_id"), rs.getString("contribution_id"), rs.getString("award_id"), rs.getString("entry_kind"),
            usd(rs.getBigDecimal("amount_usd")), rs.getString("original_currency") == null ? rs.getBigDecimal("original_amount")
                    : inCurrency(rs.getBigDecimal("original_amount"), rs.getString("original_currency")),
            rs.getString("original_currency") == null ? null : rs.getString("original_currency").trim(),
            rs.getBigDecimal("rate"), rs.getString("rate_source"), rs.getObject("value_date", java.time.LocalDate.class),
            rs.getString("reference"), rs.getObject("occurred_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final ProjectedValues projected;

    /** A sum in USD with cents, also when it is the zero of an empty sum. */
    public static BigDecimal usd(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** An amount with the minor units of its currency (NUMERIC(20,4) columns hold more). */
    public static BigDecimal inCurrency(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            int digits = Currency.getInstance(currency.trim()).getDefaultFractionDigits();
            return digits < 0 ? amount : amount.setScale(digits, RoundingMode.HALF_EVEN);
        } catch (IllegalArgumentException unknown) {
            return amount;
        }
    }

    public LedgerQueries(JdbcTemplate jdbc, ProjectedValues projected) {
        this.jdbc = jdbc;
        this.projected = projected;
    }

    /** Every contribution's balance: sums over the whole ledger, so kept until the ledger moves on. */
    public List<ContributionBalance> balances() {
        return projected.get("balances", () -> List.copyOf(jdbc.query(BALANCES.formatted(""), BALANCE)));
    }

    /**
     * The contributions an award of this case may draw on: only those the domain lets fund it (EarmarkPolicy,
     * the rule each Contribution applies when an award commits its money) and that have received money not
     * yet committed, so finance does not choose one that is then refused. The award form and the more-money
     * amendment both offer these.
     */
    public List<ContributionBalance> fundingOptions(CaseProfile profile) {
        return balances().stream()
                .filter(balance -> balance.available().signum() > 0)
                .filter(balance -> EarmarkPolicy.fits(new Earmark(EarmarkKind.valueOf(balance.earmarkKind()),
                        balance.earmarkValue()), profile))
                .toList();
    }

    public List<ContributionBalance> balancesOfDonor(String donorId) {
        return jdbc.query(BALANCES.formatted("WHERE c.donor_id = ?"), BALANCE, donorId);
    }

    public Optional<ContributionBalance> balance(String contributionId) {
        return jdbc.query(BALANCES.formatted("WHERE c.contribution_id = ?"), BALANCE, contributionId).stream().findFirst();
    }

    /** The contribution only if it belongs to the donor: another donor's id finds nothing. */
    public Optional<ContributionBalance> balanceOfDonor(String donorId, String contributionId) {
        return jdbc.query(BALANCES.formatted("WHERE c.donor_id = ? AND c.contribution_id = ?"), BALANCE, donorId,
                contributionId).stream().findFirst();
    }

    public List<LedgerEntry> entries(String contributionId) {
        return jdbc.query("SELECT * FROM rm_ledger_entry WHERE contribution_id = ? ORDER BY occurred_at, event_id", ENTRY,
                contributionId);
    }

    public List<LedgerEntry> receipts() {
        return jdbc.query("SELECT * FROM rm_ledger_entry WHERE entry_kind = 'RECEIVED' ORDER BY value_date DESC, occurred_at DESC",
                ENTRY);
    }

    public List<LedgerEntry> receiptsOfDonor(String donorId) {
        return jdbc.query("""
                SELECT l.* FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                WHERE c.donor_id = ? AND l.entry_kind = 'RECEIVED' ORDER BY l.value_date DESC, l.occurred_at DESC""",
                ENTRY, donorId);
    }

    public List<LedgerEntry> entriesOfDonor(String donorId) {
        return jdbc.query("""
                SELECT l.* FROM rm_ledger_entry l JOIN rm_contribution c ON c.contribution_id = l.contribution_id
                WHERE c.donor_id = ? ORDER BY l.occurred_at, l.event_id""", ENTRY, donorId);
    }
}
