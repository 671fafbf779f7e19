package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The limits on what a contribution agreement can promise and receive. Anything beyond them is a
 * typing error, and a donor would see it on their own pages, so it is refused before it is stored.
 *
 * <ul>
 * <li>Period start: no earlier than {@link #EARLIEST_START}, 2015-01-01. The Strong Cities Network
 *     was launched at the UN General Assembly in September 2015 (the source documents name the year
 *     and the occasion, not a day); money to prepare the launch could be agreed earlier that year,
 *     but no agreement with the fund can begin before 2015.</li>
 * <li>Period start: at most {@link #LONGEST_LEAD_YEARS} years after the day it is recorded. Donors
 *     sign for their next budget cycles; a start further away is a mistyped year.</li>
 * <li>Period length: the end is after the start and at most {@link #LONGEST_PERIOD_YEARS} years after
 *     it (2026-01-01 may run to 2036-01-01, not a day longer). Donor framework agreements run for a
 *     few years; ten is generous, and 9999-12-31 is not an end.</li>
 * <li>Amounts (a pledge, and each receipt): above zero and at most {@link #LARGEST_MINOR_UNITS} minor
 *     units of the currency, that is 100,000,000.00 in a currency with cents (USD, EUR, GBP, NOK,
 *     DKK) and 10,000,000,000 yen in a currency without (JPY). There is no table of exchange rates in
 *     the domain (a receipt carries its own rate, a pledge none), so the limit is scaled by the
 *     currency's minor unit, which keeps it in the same range of value for the donors' currencies:
 *     about USD 9 million in NOK, 67 million in JPY, 100 million in USD. The fund's annual cost is
 *     about USD 3 million and one contribution at most a few million, so the limit never stops a
 *     real agreement in these currencies and still catches a figure typed with extra digits. In a
 *     currency worth far less a unit (IDR, VND), a large pledge can exceed it; record such an
 *     agreement in USD.</li>
 * <li>Receipt value date: see {@link ReceiptDating}, which also refuses any day before
 *     {@link #EARLIEST_START}.</li>
 * </ul>
 */
public final class ContributionLimits {

    public static final LocalDate EARLIEST_START = LocalDate.of(2015, 1, 1);
    public static final int LONGEST_LEAD_YEARS = 2;
    public static final int LONGEST_PERIOD_YEARS = 10;
    public static final long LARGEST_MINOR_UNITS = 10_000_000_000L;

    private ContributionLimits() {
    }

    /** The largest amount one agreement pledges or one receipt brings, in the amount's currency. */
    public static Money largest(String currency) {
        int minorUnits = Money.zero(currency).amount().scale();
        return new Money(BigDecimal.valueOf(LARGEST_MINOR_UNITS).movePointLeft(minorUnits), currency);
    }

    /** Takes the figure and currency apart, so that a form can check a figure too large to be Money at all. */
    public static boolean isWithinLargest(BigDecimal amount, String currency) {
        return amount.compareTo(largest(currency).amount()) <= 0;
    }

    /** The latest day a period recorded today may start. */
    public static LocalDate latestStart(LocalDate today) {
        return today.plusYears(LONGEST_LEAD_YEARS);
    }

    /** The latest day a period that starts on the given day may end. */
    public static LocalDate latestEnd(LocalDate start) {
        return start.plusYears(LONGEST_PERIOD_YEARS);
    }

    /** What is wrong with a pledged or received amount, or null when it fits. */
    public static String amountProblem(Money amount) {
        if (amount == null || !amount.isPositive()) {
            return "needs an amount above zero, was " + amount;
        }
        if (!isWithinLargest(amount.amount(), amount.currency())) {
            return "has an amount of " + amount + ", above the " + largest(amount.currency())
                    + " one agreement or receipt may hold; check the figure for extra digits";
        }
        return null;
    }

    /** The ways a period can break the limits, so that a form can name each beside its own field. */
    public enum PeriodBreach { ENDS_BEFORE_START, STARTS_BEFORE_EARLIEST, STARTS_TOO_FAR_AHEAD, LASTS_TOO_LONG }

    /** The first limit the period breaks, or null when it fits. */
    public static PeriodBreach periodBreach(LocalDate start, LocalDate end, LocalDate today) {
        if (!end.isAfter(start)) {
            return PeriodBreach.ENDS_BEFORE_START;
        }
        if (isBeforeEarliest(start)) {
            return PeriodBreach.STARTS_BEFORE_EARLIEST;
        }
        if (start.isAfter(latestStart(today))) {
            return PeriodBreach.STARTS_TOO_FAR_AHEAD;
        }
        // Checked only from a start that fits: the latest end of a mistyped start would send the person the wrong way.
        if (end.isAfter(latestEnd(start))) {
            return PeriodBreach.LASTS_TOO_LONG;
        }
        return null;
    }

    /** A period's start or a receipt's value date before any agreement with the fund could exist. */
    public static boolean isBeforeEarliest(LocalDate date) {
        return date.isBefore(EARLIEST_START);
    }

    /** What is wrong with an agreement's period, recorded today, or null when it fits. */
    public static String periodProblem(LocalDate start, LocalDate end, LocalDate today) {
        if (start == null || end == null) {
            return "needs a period that ends after it starts, was " + start + " to " + end;
        }
        PeriodBreach breach = periodBreach(start, end, today);
        if (breach == null) {
            return null;
        }
        return switch (breach) {
            case ENDS_BEFORE_START -> "needs a period that ends after it starts, was " + start + " to " + end;
            case STARTS_BEFORE_EARLIEST -> "starts on " + start + ", before " + EARLIEST_START
                    + ": the Strong Cities Network was launched in 2015; check the year";
            case STARTS_TOO_FAR_AHEAD -> "starts on " + start + ", more than " + LONGEST_LEAD_YEARS + " years from today ("
                    + today + "); check the year";
            case LASTS_TOO_LONG -> "ends on " + end + ", more than " + LONGEST_PERIOD_YEARS + " years after it starts; end it on "
                    + latestEnd(start) + " at the latest, and sign a new agreement for the years after";
        };
    }
}
