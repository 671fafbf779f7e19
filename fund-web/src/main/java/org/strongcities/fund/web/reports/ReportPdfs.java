package org.strongcities.fund.web.reports;

import org.springframework.stereotype.Component;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.FinanceFormat;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.finance.LedgerEntry;
import org.strongcities.fund.web.reports.PdfReport.Column;
import org.strongcities.fund.web.reports.PdfReport.Figure;
import org.strongcities.fund.web.reports.ReportQueries.CityRow;
import org.strongcities.fund.web.reports.ReportQueries.DonorIn;
import org.strongcities.fund.web.reports.ReportQueries.Movements;
import org.strongcities.fund.web.reports.ReportQueries.RegionMoney;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The donor report and the annual summary as PDF documents, with the same figures as their pages. */
@Component
class ReportPdfs {

    private final ReportText text;
    private final FinanceFormat format;
    private final Clock clock = Clock.systemUTC();

    ReportPdfs(ReportText text, FinanceFormat format) {
        this.text = text;
        this.format = format;
    }

    byte[] donor(DonorReport report) {
        PdfReport pdf = document(text.get("reports.donor.heading", report.donorName()),
                text.get("reports.donor.subtitle", report.period().from(), report.period().to()));
        Movements m = report.movements();

        pdf.heading(text.get("reports.donor.inPeriod"));
        pdf.figures(List.of(new Figure(text.get("reports.received"), format.usd(m.received())),
                new Figure(text.get("reports.committed"), format.usd(m.committed())),
                new Figure(text.get("reports.paid"), format.usd(m.disbursed())),
                new Figure(text.get("reports.refunded"), format.usd(m.refunded()))));
        pdf.note(text.get("reports.committed.note", format.usd(m.committedGross()), format.usd(m.released()),
                format.usd(m.refunded())));
        pdf.bars(text.get("reports.chart.totals"), report.totalsChart(), format::usd, text.get("reports.chart.empty"));

        Movements end = report.toEnd();
        pdf.heading(text.get("reports.donor.position", report.period().to()));
        pdf.figures(List.of(new Figure(text.get("reports.received"), format.usd(end.received())),
                new Figure(text.get("reports.committed"), format.usd(end.committed())),
                new Figure(text.get("reports.netPaid"), format.usd(end.disbursed().subtract(end.refunded()))),
                new Figure(text.get("reports.available"), format.usd(end.available()))));

        pdf.heading(text.get("reports.donor.receipts"));
        pdf.table(List.of(new Column(text.get("reports.col.valueDate"), 1.1f, false),
                        new Column(text.get("reports.col.contribution"), 1.9f, false),
                        new Column(text.get("reports.col.originalAmount"), 1.6f, true),
                        new Column(text.get("reports.col.rate"), 0.9f, true),
                        new Column(text.get("reports.col.rateSource"), 1.4f, false),
                        new Column(text.get("reports.col.usd"), 1.4f, true)),
                receiptRows(report.receipts()), text.get("reports.none.receipts"));

        breakdown(pdf, text.get("reports.donor.byRegion"), text.get("reports.chart.region"), text.get("reports.col.region"),
                report.byRegion(), report.regionChart());
        breakdown(pdf, text.get("reports.donor.byPriority"), text.get("reports.chart.priority"),
                text.get("reports.col.priority"), report.byPriority(), report.priorityChart());
        pdf.note(text.get("reports.priorityNote"));
        breakdown(pdf, text.get("reports.donor.byCity"), text.get("reports.chart.city"), text.get("reports.col.city"),
                report.byCity(), report.cityChart());
        if (report.anySensitive()) {
            pdf.note(text.get("reports.sensitiveNote"));
        }

        pdf.heading(text.get("reports.donor.activities"));
        String undisclosed = text.get("reports.undisclosed");
        List<List<String>> rows = new ArrayList<>();
        for (FundedActivity a : report.activities()) {
            rows.add(List.of(a.sensitive() ? undisclosed : nullSafe(a.title()), a.sensitive() ? undisclosed : nullSafe(a.cityName()),
                    nullSafe(a.regionName()), String.join("; ", a.priorityNames()), format.amount(a.committed()),
                    format.amount(a.disbursed()), format.amount(a.refunded())));
        }
        pdf.table(List.of(new Column(text.get("reports.col.activity"), 2.7f, false),
                new Column(text.get("reports.col.city"), 1.4f, false), new Column(text.get("reports.col.region"), 1.5f, false),
                new Column(text.get("reports.col.priorities"), 1.9f, false),
                new Column(text.get("reports.col.committed"), 1.25f, true), new Column(text.get("reports.col.paid"), 1.15f, true),
                new Column(text.get("reports.col.refunded"), 1.15f, true)), rows, text.get("reports.none.activities"));
        pdf.note(text.get("reports.donor.definitions"));
        return pdf.finish(text.get("reports.donor.heading", report.donorName()));
    }

    byte[] annual(AnnualSummary summary) {
        PdfReport pdf = document(text.get("reports.annual.heading", summary.year()),
                text.get("reports.annual.subtitle", summary.period().from(), summary.period().to()));
        Movements m = summary.movements();

        pdf.heading(text.get("reports.annual.inFigures"));
        pdf.figures(List.of(new Figure(text.get("reports.received"), format.usd(m.received())),
                new Figure(text.get("reports.annual.awardsMade"), text.get("reports.annual.awardsMadeValue",
                        summary.awardsMade(), format.usd(summary.awardedAmount()))),
                new Figure(text.get("reports.paid"), format.usd(m.disbursed())),
                new Figure(text.get("reports.refunded"), format.usd(m.refunded()))));

        pdf.heading(text.get("reports.annual.moneyIn"));
        pdf.bars(text.get("reports.chart.moneyIn"), summary.moneyInChart(), format::usd, text.get("reports.chart.empty"));
        List<List<String>> donors = new ArrayList<>();
        for (DonorIn donor : summary.moneyIn()) {
            donors.add(List.of(donor.name(), String.valueOf(donor.receipts()), format.amount(donor.received())));
        }
        if (!donors.isEmpty()) {
            donors.add(List.of(text.get("reports.total"), String.valueOf(summary.moneyIn().stream().mapToInt(DonorIn::receipts).sum()),
                    format.amount(summary.moneyInTotal())));
        }
        pdf.table(List.of(new Column(text.get("reports.col.donor"), 4, false),
                new Column(text.get("reports.col.receipts"), 1, true), new Column(text.get("reports.col.usd"), 1.6f, true)),
                donors, text.get("reports.none.receipts"));

        pdf.heading(text.get("reports.annual.awardsByRegion"));
        pdf.bars(text.get("reports.chart.awardsRegion"), summary.regionChart(), format::usd, text.get("reports.chart.empty"));
        pdf.table(countColumns(text.get("reports.col.region")), lineRows(summary.awardsByRegion()), text.get("reports.none.awards"));
        pdf.heading(text.get("reports.annual.awardsByPriority"));
        pdf.bars(text.get("reports.chart.awardsPriority"), summary.priorityChart(), format::usd, text.get("reports.chart.empty"));
        pdf.table(countColumns(text.get("reports.col.priority")), lineRows(summary.awardsByPriority()),
                text.get("reports.none.awards"));
        pdf.note(text.get("reports.priorityNote"));

        pdf.heading(text.get("reports.annual.payments"));
        List<List<String>> payments = new ArrayList<>();
        for (RegionMoney region : summary.paymentsByRegion()) {
            payments.add(List.of(nullSafe(region.regionName()), format.amount(region.disbursed()), format.amount(region.refunded())));
        }
        if (!payments.isEmpty()) {
            payments.add(List.of(text.get("reports.total"), format.amount(m.disbursed()), format.amount(m.refunded())));
        }
        pdf.table(List.of(new Column(text.get("reports.col.region"), 3, false), new Column(text.get("reports.col.paid"), 1.5f, true),
                new Column(text.get("reports.col.refunded"), 1.5f, true)), payments, text.get("reports.none.payments"));

        pdf.heading(text.get("reports.annual.cases"));
        ReportQueries.ApplicationCounts a = summary.applications();
        ReportQueries.ReportCounts r = summary.reports();
        pdf.table(List.of(new Column(text.get("reports.col.what"), 4, false), new Column(text.get("reports.col.count"), 1, true)),
                List.of(List.of(text.get("reports.annual.received"), String.valueOf(a.received())),
                        List.of(text.get("reports.annual.decided"), String.valueOf(a.decided())),
                        List.of(text.get("reports.annual.approved"), String.valueOf(a.approved())),
                        List.of(text.get("reports.annual.declined"), String.valueOf(a.declined())),
                        List.of(text.get("reports.annual.awarded"), String.valueOf(a.awarded())),
                        List.of(text.get("reports.annual.reportsDue"), String.valueOf(r.due())),
                        List.of(text.get("reports.annual.reportsAccepted"), String.valueOf(r.accepted())),
                        List.of(text.get("reports.annual.reportsOverdue"), String.valueOf(r.overdue()))), "");

        pdf.heading(text.get("reports.annual.cities", summary.citiesSupported()));
        List<List<String>> cities = new ArrayList<>();
        for (CityRow city : summary.citiesNamed()) {
            cities.add(List.of(nullSafe(city.name()), nullSafe(city.countryCode()), nullSafe(city.regionName())));
        }
        for (AnnualSummary.UndisclosedCities hidden : summary.citiesUndisclosed()) {
            cities.add(List.of(text.get("reports.annual.citiesUndisclosed", hidden.cities()), "", hidden.regionName()));
        }
        pdf.table(List.of(new Column(text.get("reports.col.city"), 3, false), new Column(text.get("reports.col.country"), 1, false),
                new Column(text.get("reports.col.region"), 2.5f, false)), cities, text.get("reports.none.cities"));
        pdf.note(text.get("reports.annual.definitions"));
        return pdf.finish(text.get("reports.annual.heading", summary.year()));
    }

    private PdfReport document(String title, String period) {
        String subtitle = period + " \u00b7 " + text.get("reports.produced", LocalDate.now(clock));
        return new PdfReport(title, subtitle, text.get("reports.pdf.footer"),
                (page, pages) -> text.get("reports.pdf.page", page, pages));
    }

    private void breakdown(PdfReport pdf, String heading, String caption, String labelHeader, List<Breakdown> lines,
                           List<org.strongcities.fund.web.finance.Charts.Bar> chart) {
        pdf.heading(heading);
        pdf.bars(caption, chart, format::usd, text.get("reports.chart.empty"));
        List<List<String>> rows = new ArrayList<>();
        for (Breakdown line : lines) {
            rows.add(List.of(line.label(), String.valueOf(line.activities()), format.amount(line.committed()),
                    format.amount(line.disbursed()), format.amount(line.refunded())));
        }
        pdf.table(List.of(new Column(labelHeader, 3, false), new Column(text.get("reports.col.activities"), 1, true),
                new Column(text.get("reports.col.committed"), 1.5f, true), new Column(text.get("reports.col.paid"), 1.5f, true),
                new Column(text.get("reports.col.refunded"), 1.5f, true)), rows, text.get("reports.none.activities"));
    }

    private List<Column> countColumns(String labelHeader) {
        return List.of(new Column(labelHeader, 4, false), new Column(text.get("reports.col.awards"), 1, true),
                new Column(text.get("reports.col.usd"), 1.6f, true));
    }

    private List<List<String>> lineRows(List<ActivityTotals.Line> lines) {
        return lines.stream().map(line -> List.of(line.label(), String.valueOf(line.activities()), format.amount(line.amount())))
                .toList();
    }

    private List<List<String>> receiptRows(List<LedgerEntry> receipts) {
        List<List<String>> rows = new ArrayList<>();
        for (LedgerEntry e : receipts) {
            rows.add(List.of(e.valueDate() == null ? "" : e.valueDate().toString(), e.contributionId(),
                    e.originalAmount() == null || e.originalCurrency() == null ? "" : format.money(e.originalAmount(), e.originalCurrency()),
                    e.rate() == null ? "" : e.rate().stripTrailingZeros().toPlainString(), nullSafe(e.rateSource()),
                    format.amount(e.amountUsd())));
        }
        return rows;
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
