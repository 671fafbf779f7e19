package org.strongcities.fund.web.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.policy.FourEyesPolicy;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the finance console lists besides balances: donors, awards, their funding and tranches. */
@Repository
class FinanceQueries {

    record Donor(String donorId, String name) {
    }

    record AwardRow(String awardId, String applicationId, String cityName, String region, BigDecimal amountUsd,
                    BigDecimal paidUsd, BigDecimal refundedUsd, String status, OffsetDateTime madeAt, LocalDate endDate) {
        public BigDecimal netPaid() {
            return paidUsd.subtract(refundedUsd);
        }

        /** "East & Southern Africa", not the enum's name; an unknown code is shown as stored. */
        public String regionName() {
            return FundedActivity.regionName(region);
        }

        /** Only an open award can be amended (the Award refuses any change once it is closed). */
        public boolean open() {
            return !"CLOSED".equals(status);
        }
    }

    record FundingRow(String awardId, String contributionId, String donorName, BigDecimal amountUsd) {
    }

    /**
     * One amendment of an award, with what tells it apart from another of the same kind: the change it
     * proposes (terms, as stored by the projection), why, who proposed it and when.
     */
    record AmendmentRow(String amendmentId, String kind, AmendmentTerms terms, String reason, String status,
                        String proposedBy, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt) {
    }

    record TrancheRow(String awardId, String trancheId, String cityName, BigDecimal amountUsd, LocalDate plannedDate,
                      String requiresReportId, String status, String requestedBy, String approvedBy, String paidBy,
                      String paymentReference, LocalDate valueDate, OffsetDateTime paidAt, String overdueReports) {

        /**
         * Whether the city's report hold stops this tranche: while a report of the city is overdue the
         * domain (MemberCity) refuses to request, approve or pay any of its tranches. The page reads it to
         * say why instead of offering a step the domain would refuse.
         */
        public boolean onHold() {
            return overdueReports != null && !"PAID".equals(status);
        }

        /**
         * Whether this person took the step before the one the tranche waits for (requested it, when it
         * waits for approval; approved it, when it waits for payment), so that the four-eyes rule of the
         * Award refuses them the next step. The page reads it to offer the step only to those who may.
         */
        public boolean tookEarlierStep(String username) {
            String earlier = earlierActor();
            return earlier != null && !FourEyesPolicy.distinct(earlier, username);
        }

        /** Who took the step before the one the tranche waits for, if it waits for approval or payment. */
        public String earlierActor() {
            return switch (status) {
                case "REQUESTED" -> requestedBy;
                case "APPROVED" -> approvedBy;
                default -> null;
            };
        }
    }

    private static final String AWARDS = """
            SELECT a.award_id, a.application_id, COALESCE(ci.name, a.city_id) AS city_name, a.region, a.amount_usd,
                   a.paid_usd, a.refunded_usd, a.status, a.made_at, a.end_date
            FROM rm_award a LEFT JOIN rm_city ci ON ci.city_id = a.city_id %s ORDER BY a.made_at DESC, a.award_id""";

    private static final RowMapper<AwardRow> AWARD = (rs, row) -> new AwardRow(rs.getString("award_id"),
            rs.getString("application_id"), rs.getString("city_name"), rs.getString("region"), rs.getBigDecimal("amount_usd"),
            rs.getBigDecimal("paid_usd"), rs.getBigDecimal("refunded_usd"), rs.getString("status"),
            rs.getObject("made_at", OffsetDateTime.class), rs.getObject("end_date", LocalDate.class));

    private static final String TRANCHES = "SELECT t.*, COALESCE(ci.name, a.city_id) AS city_name, "
            + CityHolds.overdueReportsOf("a.city_id") + """
             AS overdue_reports
            FROM rm_tranche t JOIN rm_award a ON a.award_id = t.award_id LEFT JOIN rm_city ci ON ci.city_id = a.city_id
            %s""";
    private static final String PLANNED_FIRST = " ORDER BY t.planned_date NULLS LAST, t.award_id, t.tranche_id";
    /** Paid tranches are looked up most recent first; the other statuses are worked through in planned order. */
    private static final String PAID_LAST_FIRST = " ORDER BY t.paid_at DESC NULLS LAST, t.award_id, t.tranche_id";

    private static final RowMapper<TrancheRow> TRANCHE = (rs, row) -> new TrancheRow(rs.getString("award_id"),
            rs.getString("tranche_id"), rs.getString("city_name"), rs.getBigDecimal("amount_usd"),
            rs.getObject("planned_date", LocalDate.class), rs.getString("requires_report_id"), rs.getString("status"),
            rs.getString("requested_by"), rs.getString("approved_by"), rs.getString("paid_by"),
            rs.getString("payment_reference"), rs.getObject("value_date", LocalDate.class),
            rs.getObject("paid_at", OffsetDateTime.class), rs.getString("overdue_reports"));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FinanceQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Donor> donors() {
        return jdbc.query("SELECT donor_id, name FROM rm_donor ORDER BY name",
                (rs, row) -> new Donor(rs.getString("donor_id"), rs.getString("name")));
    }

    boolean donorExists(String donorId) {
        return !jdbc.queryForList("SELECT 1 FROM rm_donor WHERE donor_id = ?", Integer.class, donorId).isEmpty();
    }

    List<AwardRow> awards() {
        return jdbc.query(AWARDS.formatted(""), AWARD);
    }

    List<AwardRow> awards(int offset, int limit) {
        return jdbc.query(AWARDS.formatted("") + " LIMIT ? OFFSET ?", AWARD, limit, offset);
    }

    long awardCount() {
        return jdbc.queryForObject("SELECT count(*) FROM rm_award", Long.class);
    }

    Optional<AwardRow> award(String awardId) {
        return jdbc.query(AWARDS.formatted("WHERE a.award_id = ?"), AWARD, awardId).stream().findFirst();
    }

    /** What the contributions' earmarks are matched against: the award's case as it was made (AwardProjection). */
    Optional<CaseProfile> caseProfile(String awardId) {
        return jdbc.query("SELECT region, priorities, support_type, purpose FROM rm_award WHERE award_id = ?",
                (rs, row) -> new CaseProfile(Region.valueOf(rs.getString("region")), priorities(rs.getString("priorities")),
                        rs.getString("support_type") == null ? null : SupportType.valueOf(rs.getString("support_type")),
                        rs.getString("purpose")), awardId).stream().findFirst();
    }

    private static Set<StrategicPriority> priorities(String stored) {
        return stored == null || stored.isBlank() ? Set.of()
                : Stream.of(stored.split(",")).map(StrategicPriority::valueOf).collect(Collectors.toSet());
    }

    /** The ids of the award's reports, which a tranche may wait for. */
    List<String> reportIds(String awardId) {
        return jdbc.queryForList("SELECT report_id FROM rm_report WHERE award_id = ? ORDER BY due_date, report_id",
                String.class, awardId);
    }

    List<FundingRow> funding(String awardId) {
        return jdbc.query("""
                SELECT f.award_id, f.contribution_id, COALESCE(d.name, c.donor_id) AS donor_name, f.amount_usd
                FROM rm_award_funding f LEFT JOIN rm_contribution c ON c.contribution_id = f.contribution_id
                LEFT JOIN rm_donor d ON d.donor_id = c.donor_id WHERE f.award_id = ? ORDER BY f.contribution_id""",
                (rs, row) -> new FundingRow(rs.getString("award_id"), rs.getString("contribution_id"),
                        rs.getString("donor_name"), rs.getBigDecimal("amount_usd")), awardId);
    }

    /** The award's amendments, oldest first. */
    List<AmendmentRow> amendments(String awardId) {
        return jdbc.query("SELECT * FROM rm_amendment WHERE award_id = ? ORDER BY proposed_at, amendment_id",
                (rs, row) -> new AmendmentRow(rs.getString("amendment_id"), rs.getString("kind"), terms(rs.getString("terms")),
                        rs.getString("reason"), rs.getString("status"), rs.getString("proposed_by"),
                        rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("decided_by"),
                        rs.getObject("decided_at", OffsetDateTime.class)), awardId);
    }

    private AmendmentTerms terms(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, AmendmentTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored amendment terms are not readable", e);
        }
    }

    List<TrancheRow> tranches() {
        return jdbc.query(TRANCHES.formatted("") + PLANNED_FIRST, TRANCHE);
    }

    List<TrancheRow> tranches(String status, int offset, int limit) {
        return jdbc.query(TRANCHES.formatted("WHERE t.status = ?") + ("PAID".equals(status) ? PAID_LAST_FIRST : PLANNED_FIRST)
                + " LIMIT ? OFFSET ?", TRANCHE, status, limit, offset);
    }

    Map<String, Long> trancheCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT status, count(*) FROM rm_tranche GROUP BY status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    List<TrancheRow> tranchesOfAward(String awardId) {
        return jdbc.query(TRANCHES.formatted("WHERE t.award_id = ?") + PLANNED_FIRST, TRANCHE, awardId);
    }

    Optional<TrancheRow> tranche(String awardId, String trancheId) {
        return jdbc.query(TRANCHES.formatted("WHERE t.award_id = ? AND t.tranche_id = ?"), TRANCHE, awardId, trancheId)
                .stream().findFirst();
    }

    /** Which kind of record an id names, for the audit trail: only contributions and awards are offered. */
    Optional<String> auditableKind(String aggregateId) {
        if (!jdbc.queryForList("SELECT 1 FROM rm_contribution WHERE contribution_id = ?", Integer.class, aggregateId).isEmpty()) {
            return Optional.of("contribution");
        }
        if (!jdbc.queryForList("SELECT 1 FROM rm_award WHERE award_id = ?", Integer.class, aggregateId).isEmpty()) {
            return Optional.of("award");
        }
        return Optional.empty();
    }
}
