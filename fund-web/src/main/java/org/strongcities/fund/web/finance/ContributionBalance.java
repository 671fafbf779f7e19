package org.strongcities.fund.web.finance;

import org.strongcities.fund.domain.api.EarmarkKind;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One contribution agreement and its ledger in USD, with the meaning of the Contribution aggregate:
 * committed = committed − released − refunded (refunded money is free to be awarded again),
 * available = received − committed, disbursed and refunded gross.
 */
public record ContributionBalance(String contributionId, String donorId, String donorName, BigDecimal pledged,
                                  String pledgedCurrency, LocalDate periodStart, LocalDate periodEnd, String earmarkKind,
                                  String earmarkValue, OffsetDateTime signedAt, BigDecimal receivedOriginal,
                                  BigDecimal received, BigDecimal committed, BigDecimal disbursed, BigDecimal refunded) {

    public BigDecimal available() {
        return received.subtract(committed);
    }

    /** Paid out and kept: disbursed − refunded. */
    public BigDecimal netPaid() {
        return disbursed.subtract(refunded);
    }

    /** Committed to awards and not yet paid out. */
    public BigDecimal undrawn() {
        return committed.subtract(netPaid());
    }

    /** The pledge not yet received, in the agreement's currency. */
    public BigDecimal outstanding() {
        return pledged.subtract(receivedOriginal);
    }

    /** The earmark's value in words (a region's, priority's or support type's name, or the purpose); null when unrestricted. */
    public String earmarkLabel() {
        return earmarkLabel(earmarkKind, earmarkValue);
    }

    static String earmarkLabel(String kind, String value) {
        if (value == null || kind == null) {
            return null;
        }
        try {
            return switch (EarmarkKind.valueOf(kind)) {
                case REGION -> Region.valueOf(value).displayName();
                case PRIORITY -> StrategicPriority.valueOf(value).displayName();
                case SUPPORT_TYPE -> SupportType.valueOf(value).displayName();
                default -> value;
            };
        } catch (IllegalArgumentException unknown) {
            return value;
        }
    }
}
