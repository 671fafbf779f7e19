package org.strongcities.fund.web.reports;

import org.springframework.stereotype.Component;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.reports.ReportQueries.CityRow;
import org.strongcities.fund.web.reports.ReportQueries.DonorIn;
import org.strongcities.fund.web.reports.ReportQueries.Movements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the reports from the read models; the page and the PDF of a report show the same record. */
@Component
class Reports {

    private final ReportQueries queries;
    private final ReportText text;

    Reports(ReportQueries queries, ReportText text) {
        this.queries = queries;
        this.text = text;
    }

    DonorReport donor(String donorId, String donorName, ReportPeriod period) {
        Movements movements = queries.donorMovements(donorId, period.from(), period.to());
        Movements toEnd = queries.donorMovements(donorId, LocalDate.of(ReportPeriod.FIRST_YEAR - 100, 1, 1), period.to());
        List<FundedActivity> activities = queries.donorActivities(donorId, period.from(), period.to());
        List<Breakdown> byRegion = Breakdown.byRegion(activities);
        List<Breakdown> byPriority = Breakdown.byPriority(activities);
        List<Breakdown> byCity = Breakdown.byCity(activities, region -> text.get("reports.city.undisclosed", region));
        List<Map.Entry<String, BigDecimal>> totals = List.of(
                Map.entry(text.get("reports.received"), movements.received()),
                Map.entry(text.get("reports.committed"), movements.committed()),
                Map.entry(text.get("reports.paid"), movements.disbursed()),
                Map.entry(text.get("reports.refunded"), movements.refunded()));
        return new DonorReport(donorId, donorName, period, movements, toEnd,
                queries.donorReceipts(donorId, period.from(), period.to()), activities, byRegion, byPriority, byCity,
                Charts.bars(totals, Map.Entry::getKey, Map.Entry::getValue), committedBars(byRegion),
                committedBars(byPriority), committedBars(byCity));
    }

    AnnualSummary annual(ReportPeriod year) {
        List<DonorIn> moneyIn = queries.moneyInByDonor(year.from(), year.to());
        List<FundedActivity> awards = queries.awardsMade(year.from(), year.to());
        List<ActivityTotals.Line> byRegion = ActivityTotals.byRegion(awards, FundedActivity::committed);
        List<ActivityTotals.Line> byPriority = ActivityTotals.byPriority(awards, FundedActivity::committed);
        List<CityRow> cities = queries.citiesSupported(year.from(), year.to());
        Map<String, Integer> undisclosed = new LinkedHashMap<>();
        cities.stream().filter(city -> !city.disclosed()).forEach(city -> undisclosed.merge(city.regionName(), 1, Integer::sum));
        return new AnnualSummary(year, queries.fundMovements(year.from(), year.to()), moneyIn, awards.size(),
                awards.stream().map(FundedActivity::committed).reduce(BigDecimal.ZERO, BigDecimal::add), byRegion, byPriority,
                queries.paymentsByRegion(year.from(), year.to()), queries.applicationCounts(year.from(), year.to()),
                queries.reportCounts(year.from(), year.to()), cities.stream().filter(CityRow::disclosed).toList(),
                undisclosed.entrySet().stream().map(e -> new AnnualSummary.UndisclosedCities(e.getKey(), e.getValue())).toList(),
                Charts.bars(moneyIn, DonorIn::name, DonorIn::received), ActivityTotals.bars(byRegion),
                ActivityTotals.bars(byPriority));
    }

    private static List<Charts.Bar> committedBars(List<Breakdown> lines) {
        return Charts.bars(lines, Breakdown::label, Breakdown::committed);
    }
}
