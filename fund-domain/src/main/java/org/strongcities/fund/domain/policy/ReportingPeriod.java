package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.ReportingObligation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When an award's reports may fall due: not before the award is made (a report due earlier would
 * be overdue the moment it is promised, and would come before the decision that asked for it),
 * and not later than {@link #GRACE_DAYS} days after the award ends, the time a grants team gives a
 * city to write its final report on the whole period.
 */
public final class ReportingPeriod {

    /** Days after the award's end date by which its last report may fall due. */
    public static final int GRACE_DAYS = 90;

    private ReportingPeriod() {
    }

    /**
     * The first day a report is overdue: the day after it falls due, so a city has the whole of its
     * due date (UTC) to submit; the award process's overdue timer fires then too.
     */
    public static LocalDate overdueFrom(LocalDate dueDate) {
        return dueDate.plusDays(1);
    }

    /** Every due date that falls outside the reporting period, empty when they all fit. */
    public static List<String> problems(List<ReportingObligation> obligations, LocalDate madeOn, LocalDate endDate) {
        List<String> problems = new ArrayList<>();
        if (endDate == null) {
            problems.add("the award's end date");
            return problems;
        }
        if (endDate.isBefore(madeOn)) {
            problems.add("an end date on or after " + madeOn + ", the day the award is made (was " + endDate + ")");
            return problems;
        }
        LocalDate latest = endDate.plusDays(GRACE_DAYS);
        for (ReportingObligation obligation : obligations) {
            LocalDate due = obligation.dueDate();
            if (due == null) {
                continue; // AwardTerms names a missing due date
            }
            if (due.isBefore(madeOn)) {
                problems.add("report " + obligation.reportId() + " due on or after " + madeOn
                        + ", the day the award is made (was " + due + ")");
            } else if (due.isAfter(latest)) {
                problems.add("report " + obligation.reportId() + " due by " + latest + ", " + GRACE_DAYS
                        + " days after the award ends on " + endDate + " (was " + due + ")");
            }
        }
        return problems;
    }
}
