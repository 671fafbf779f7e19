package org.strongcities.fund.web.reports;

import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.reports.ReportQueries.ApplicationCounts;
import org.strongcities.fund.web.reports.ReportQueries.CityRow;
import org.strongcities.fund.web.reports.ReportQueries.DonorIn;
import org.strongcities.fund.web.reports.ReportQueries.Movements;
import org.strongcities.fund.web.reports.ReportQueries.RegionMoney;
import org.strongcities.fund.web.reports.ReportQueries.ReportCounts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fund's year as the Management Unit reports it to the International Steering Committee: money
 * in by donor, awards made by region and priority, paid out and refunded, the case and report
 * counts, and the cities supported (a city whose every case is sensitive is counted, not named).
 */
public record AnnualSummary(ReportPeriod period, Movements movements, List<DonorIn> moneyIn, int awardsMade,
                     BigDecimal awardedAmount, List<ActivityTotals.Line> awardsByRegion,
                     List<ActivityTotals.Line> awardsByPriority, List<RegionMoney> paymentsByRegion,
                     ApplicationCounts applications, ReportCounts reports, List<CityRow> citiesNamed,
                     List<UndisclosedCities> citiesUndisclosed, List<Charts.Bar> moneyInChart,
                     List<Charts.Bar> regionChart, List<Charts.Bar> priorityChart) {

    /** How many supported cities of a region are not named because all their cases are sensitive. */
    public record UndisclosedCities(String regionName, int cities) {
    }

    public int year() {
        return period.year();
    }

    public int citiesSupported() {
        return citiesNamed.size() + citiesUndisclosed.stream().mapToInt(UndisclosedCities::cities).sum();
    }

    public BigDecimal moneyInTotal() {
        return moneyIn.stream().map(DonorIn::received).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
