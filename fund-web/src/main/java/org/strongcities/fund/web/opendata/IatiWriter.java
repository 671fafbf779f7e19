package org.strongcities.fund.web.opendata;

import org.springframework.stereotype.Component;
import org.strongcities.fund.web.opendata.DisclosurePolicy.PublicAward;

import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * IATI 2.03 activity and organisation files. One activity per award, reported by the Management
 * Unit (reporting-org and participating-org role 3 Extending); each donor whose contribution funds
 * the award is role 1 Funding; the city is role 4 Implementing, type 11.
 *
 * <p>Transactions of an activity:
 * <ul>
 * <li>11 incoming commitment and 1 incoming funds from each donor, for the share of the award its
 *     contribution pays, on the day of the award: a contribution can only be committed from money
 *     already received, so the funds are in hand when they are attributed to the activity;</li>
 * <li>2 outgoing commitment to the city for the award amount, on the day of the award;</li>
 * <li>3 disbursement for every paid tranche, on its value date;</li>
 * <li>a refund by the city is a NEGATIVE disbursement (type 3) on the day it was recorded, so that
 *     the disbursements of an activity add up to what the city kept. It is not reported as incoming
 *     funds, which would make the city look like a funder of its own activity.</li>
 * </ul>
 * Budgets: one per twelve months from the award date, each holding the tranches planned in it.
 */
@Component
public class IatiWriter {

    private final OpenDataProperties settings;
    private final Clock clock = Clock.systemUTC();

    public IatiWriter(OpenDataProperties settings) {
        this.settings = settings;
    }

    /**
     * Writes the activity file of the awards, one at a time as the stream gives them. IATI 2.03 asks
     * for at least one iati-activity, so a file without awards would be invalid: the caller checks that
     * the period has awards (OpenDataController answers "nothing to publish" otherwise), and this refuses
     * rather than write one.
     */
    public void activities(Stream<AwardRecord> awards, Writer out) {
        Iterator<AwardRecord> each = awards.iterator();
        if (!each.hasNext()) {
            throw new IllegalArgumentException("An IATI activity file needs at least one iati-activity; there is no award to publish");
        }
        Xml xml = new Xml(out);
        xml.start("iati-activities", "version", IatiCodes.VERSION, "generated-datetime", now());
        each.forEachRemaining(award -> activity(xml, DisclosurePolicy.publish(award)));
        xml.end().finish();
    }

    public void organisation(List<OpenDataRepository.DonorYear> receipts, List<OpenDataRepository.YearTotal> payments,
                             Period period, Writer out) {
        Xml xml = new Xml(out);
        xml.start("iati-organisations", "version", IatiCodes.VERSION, "generated-datetime", now());
        xml.start("iati-organisation", "last-updated-datetime", now(), "xml:lang", "en",
                "default-currency", IatiCodes.CURRENCY);
        xml.start("organisation-identifier").text(settings.reportingOrgRef()).end();
        xml.narrated("name", settings.reportingOrgName());
        reportingOrg(xml);
        List<Integer> years = receipts.stream().map(OpenDataRepository.DonorYear::year).distinct().sorted().toList();
        for (int year : years) {
            List<OpenDataRepository.DonorYear> ofYear = receipts.stream().filter(r -> r.year() == year).toList();
            BigDecimal total = ofYear.stream().map(OpenDataRepository.DonorYear::receivedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            LocalDate start = periodStart(year, period);
            xml.start("total-budget", "status", IatiCodes.BUDGET_COMMITTED);
            xml.empty("period-start", "iso-date", start.toString());
            xml.empty("period-end", "iso-date", periodEnd(year, period).toString());
            xml.value("value", total, start);
            for (OpenDataRepository.DonorYear donor : ofYear) {
                xml.start("budget-line", "ref", donor.donorIatiRef() != null ? donor.donorIatiRef() : donor.donorId());
                xml.value("value", donor.receivedUsd(), start);
                xml.narrative("Funds received from " + donor.donorName() + " for the Technical Support Fund");
                xml.end();
            }
            xml.end();
        }
        for (OpenDataRepository.YearTotal paid : payments) {
            LocalDate start = periodStart(paid.year(), period);
            xml.start("total-expenditure");
            xml.empty("period-start", "iso-date", start.toString());
            xml.empty("period-end", "iso-date", periodEnd(paid.year(), period).toString());
            xml.value("value", paid.usd(), start);
            xml.end();
        }
        xml.end().end().finish();
    }

    private void activity(Xml xml, PublicAward award) {
        AwardRecord source = award.source();
        LocalDate awardDate = day(source.madeAt());
        xml.start("iati-activity", "last-updated-datetime", now(), "xml:lang", "en",
                "default-currency", IatiCodes.CURRENCY, "hierarchy", "1");
        xml.start("iati-identifier").text(settings.reportingOrgRef() + "-" + award.publicId()).end();
        reportingOrg(xml);
        xml.narrated("title", award.title());
        xml.narrated("description", award.description(), "type", "1");

        for (AwardRecord.Funding funding : source.funding()) {
            xml.narrated("participating-org", funding.donorName(), "ref", funding.donorIatiRef(),
                    "type", IatiCodes.organisationType(funding.donorType()), "role", IatiCodes.ROLE_FUNDING);
        }
        xml.narrated("participating-org", settings.reportingOrgName(), "ref", settings.reportingOrgRef(),
                "type", settings.reportingOrgType(), "role", IatiCodes.ROLE_EXTENDING);
        xml.narrated("participating-org", award.recipientName(), "type", IatiCodes.ORG_LOCAL_GOVERNMENT,
                "role", IatiCodes.ROLE_IMPLEMENTING);

        xml.empty("activity-status", "code", "CLOSED".equals(source.status())
                ? IatiCodes.STATUS_CLOSED : IatiCodes.STATUS_IMPLEMENTATION);
        xml.empty("activity-date", "type", IatiCodes.DATE_PLANNED_START, "iso-date", awardDate.toString());
        firstPayment(source).ifPresent(date ->
                xml.empty("activity-date", "type", IatiCodes.DATE_ACTUAL_START, "iso-date", date.toString()));
        if (source.endDate() != null) {
            xml.empty("activity-date", "type", IatiCodes.DATE_PLANNED_END, "iso-date", source.endDate().toString());
        }
        if (source.closedAt() != null) {
            xml.empty("activity-date", "type", IatiCodes.DATE_ACTUAL_END, "iso-date", day(source.closedAt()).toString());
        }

        if (award.countryCode() != null) {
            xml.empty("recipient-country", "code", award.countryCode(), "percentage", "100");
        } else {
            xml.narrated("recipient-region", award.regionName(), "code", award.regionCode(),
                    "vocabulary", IatiCodes.REGION_VOCABULARY_REPORTING_ORG, "percentage", "100");
        }
        xml.narrated("sector", IatiCodes.SECTOR_PEACEBUILDING_NAME, "vocabulary", IatiCodes.SECTOR_VOCABULARY_DAC,
                "code", IatiCodes.SECTOR_PEACEBUILDING, "percentage", "100");

        for (Budget budget : budgets(source)) {
            xml.start("budget", "type", IatiCodes.BUDGET_ORIGINAL, "status", IatiCodes.BUDGET_COMMITTED);
            xml.empty("period-start", "iso-date", budget.start().toString());
            xml.empty("period-end", "iso-date", budget.end().toString());
            xml.value("value", budget.usd(), budget.start());
            xml.end();
        }

        for (AwardRecord.Funding funding : source.funding()) {
            fromDonor(xml, IatiCodes.TX_INCOMING_COMMITMENT, funding, awardDate,
                    "Share of the award committed from contribution " + funding.contributionId());
            fromDonor(xml, IatiCodes.TX_INCOMING_FUNDS, funding, awardDate,
                    "Funds of contribution " + funding.contributionId() + " attributed to this activity");
        }
        toCity(xml, award, IatiCodes.TX_OUTGOING_COMMITMENT, source.amountUsd(), awardDate, "Award");
        for (AwardRecord.Tranche tranche : source.tranches()) {
            if (tranche.paid()) {
                LocalDate paidOn = tranche.valueDate() != null ? tranche.valueDate() : day(tranche.paidAt());
                toCity(xml, award, IatiCodes.TX_DISBURSEMENT, tranche.amountUsd(), paidOn, "Tranche payment");
            }
        }
        for (AwardRecord.Refund refund : source.refunds()) {
            toCity(xml, award, IatiCodes.TX_DISBURSEMENT, refund.amountUsd().negate(), day(refund.at()),
                    "Refund by the city (reported as a negative disbursement)");
        }
        xml.end();
    }

    private void reportingOrg(Xml xml) {
        xml.narrated("reporting-org", settings.reportingOrgName(), "ref", settings.reportingOrgRef(),
                "type", settings.reportingOrgType());
    }

    private void fromDonor(Xml xml, String type, AwardRecord.Funding funding, LocalDate date, String description) {
        xml.start("transaction");
        xml.empty("transaction-type", "code", type);
        xml.empty("transaction-date", "iso-date", date.toString());
        xml.value("value", funding.amountUsd(), date);
        xml.narrated("description", description);
        xml.narrated("provider-org", funding.donorName(), "ref", funding.donorIatiRef(),
                "type", IatiCodes.organisationType(funding.donorType()));
        xml.narrated("receiver-org", settings.reportingOrgName(), "ref", settings.reportingOrgRef(),
                "type", settings.reportingOrgType());
        xml.end();
    }

    private void toCity(Xml xml, PublicAward award, String type, BigDecimal usd, LocalDate date, String description) {
        xml.start("transaction");
        xml.empty("transaction-type", "code", type);
        xml.empty("transaction-date", "iso-date", date.toString());
        xml.value("value", usd, date);
        xml.narrated("description", description);
        xml.narrated("provider-org", settings.reportingOrgName(), "ref", settings.reportingOrgRef(),
                "type", settings.reportingOrgType());
        xml.narrated("receiver-org", award.recipientName(), "type", IatiCodes.ORG_LOCAL_GOVERNMENT);
        xml.end();
    }

    record Budget(LocalDate start, LocalDate end, BigDecimal usd) {
    }

    /** Twelve-month budgets from the award date to the later of the end date and the last planned tranche. */
    static List<Budget> budgets(AwardRecord award) {
        LocalDate start = day(award.madeAt());
        LocalDate end = award.tranches().stream().map(AwardRecord.Tranche::plannedDate).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(start);
        if (award.endDate() != null && award.endDate().isAfter(end)) {
            end = award.endDate();
        }
        List<Budget> budgets = new ArrayList<>();
        for (LocalDate from = start; !from.isAfter(end); from = from.plusYears(1)) {
            LocalDate to = from.plusYears(1).minusDays(1).isAfter(end) ? end : from.plusYears(1).minusDays(1);
            boolean first = from.equals(start);
            boolean last = to.equals(end);
            LocalDate lower = from;
            LocalDate upper = to;
            BigDecimal usd = award.tranches().stream()
                    .filter(t -> {
                        LocalDate planned = t.plannedDate() == null ? start : t.plannedDate();
                        return (first && planned.isBefore(lower)) || (last && planned.isAfter(upper))
                                || (!planned.isBefore(lower) && !planned.isAfter(upper));
                    })
                    .map(AwardRecord.Tranche::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            budgets.add(new Budget(from, to, usd));
        }
        return budgets;
    }

    private static java.util.Optional<LocalDate> firstPayment(AwardRecord award) {
        return award.tranches().stream().filter(AwardRecord.Tranche::paid)
                .map(t -> t.valueDate() != null ? t.valueDate() : day(t.paidAt()))
                .min(Comparator.naturalOrder());
    }

    private static LocalDate periodStart(int year, Period period) {
        LocalDate start = LocalDate.of(year, 1, 1);
        return period.from() != null && period.from().isAfter(start) ? period.from() : start;
    }

    private static LocalDate periodEnd(int year, Period period) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return period.to() != null && period.to().isBefore(end) ? period.to() : end;
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
