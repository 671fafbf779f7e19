package org.strongcities.fund.web.reports;

import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.finance.LedgerEntry;
import org.strongcities.fund.web.reports.ReportQueries.Movements;

import java.util.List;

/**
 * A donor's report for a period: what its contributions received, committed, paid out and got back
 * in the period, the receipts with their conversions, and the awards its money moved for, by
 * region, priority and city. Sensitive cases carry no award id, city or title.
 */
public record DonorReport(String donorId, String donorName, ReportPeriod period, Movements movements, Movements toEnd,
                   List<LedgerEntry> receipts, List<FundedActivity> activities, List<Breakdown> byRegion,
                   List<Breakdown> byPriority, List<Breakdown> byCity, List<Charts.Bar> totalsChart,
                   List<Charts.Bar> regionChart, List<Charts.Bar> priorityChart, List<Charts.Bar> cityChart) {

    public boolean anySensitive() {
        return activities.stream().anyMatch(FundedActivity::sensitive);
    }
}
