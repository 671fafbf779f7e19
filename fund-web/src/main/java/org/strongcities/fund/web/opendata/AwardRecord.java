package org.strongcities.fund.web.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One award as the read models hold it, with everything any export needs. Internal only: what may
 * be published of it is decided by {@link DisclosurePolicy}.
 */
public record AwardRecord(
        String awardId,
        String applicationId,
        String title,
        String summary,
        boolean sensitive,
        String cityId,
        String cityName,
        String countryCode,
        String region,
        List<String> priorities,
        String supportType,
        BigDecimal amountUsd,
        String status,
        LocalDate endDate,
        Instant madeAt,
        Instant closedAt,
        List<Funding> funding,
        List<Tranche> tranches,
        List<Refund> refunds) {

    /** The same award with its funding, tranches and refunds, which are read apart from the award's own row. */
    AwardRecord with(List<Funding> funding, List<Tranche> tranches, List<Refund> refunds) {
        return new AwardRecord(awardId, applicationId, title, summary, sensitive, cityId, cityName, countryCode, region,
                priorities, supportType, amountUsd, status, endDate, madeAt, closedAt, funding, tranches, refunds);
    }

    /** The part of the award a contribution pays for, and who gave that contribution. */
    public record Funding(String contributionId, BigDecimal amountUsd, String donorId, String donorName,
                          String donorType, String donorIatiRef) {
    }

    public record Tranche(String trancheId, BigDecimal amountUsd, LocalDate plannedDate, String status,
                          LocalDate valueDate, Instant paidAt) {
        public boolean paid() {
            return "PAID".equals(status);
        }
    }

    /** Money the city paid back, summed over the contributions it went back to. */
    public record Refund(String refundId, BigDecimal amountUsd, Instant at) {
    }

    public BigDecimal paidUsd() {
        return tranches.stream().filter(Tranche::paid).map(Tranche::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal refundedUsd() {
        return refunds.stream().map(Refund::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
