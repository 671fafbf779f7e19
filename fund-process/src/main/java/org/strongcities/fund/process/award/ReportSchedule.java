package org.strongcities.fund.process.award;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.ReportingObligation;

/**
 * The reporting schedule of an award as the award process reads it. A process variable cannot
 * hold a list (Java serialization of variables is off, as it should be), so the schedule is kept
 * as text, "reportId|KIND|yyyy-MM-dd" entries separated by ";", and the model asks this bean for
 * the report ids, each report's due date and the moments of its timers.
 * Reports fall due at the start of the due date, UTC; overdue starts the day after.
 */
@Component(ReportSchedule.BEAN)
public class ReportSchedule {

    public static final String BEAN = "reportSchedule";
    public static final int REMINDER_DAYS_BEFORE_DUE = 7;

    private static final String ENTRY_SEPARATOR = ";";
    private static final String FIELD_SEPARATOR = "|";

    public static String encode(List<ReportingObligation> obligations) {
        return obligations.stream().map(ReportSchedule::encode).collect(Collectors.joining(ENTRY_SEPARATOR));
    }

    private static String encode(ReportingObligation obligation) {
        String reportId = obligation.reportId();
        if (reportId.contains(ENTRY_SEPARATOR) || reportId.contains(FIELD_SEPARATOR)) {
            throw new IllegalArgumentException("Report id '" + reportId + "' must not contain ';' or '|'");
        }
        return reportId + FIELD_SEPARATOR + obligation.kind().name() + FIELD_SEPARATOR + obligation.dueDate();
    }

    public List<String> reportIds(String schedule) {
        return entries(schedule).stream().map(entry -> entry[0]).toList();
    }

    public String kind(String schedule, String reportId) {
        return entry(schedule, reportId)[1];
    }

    /** ISO date, yyyy-MM-dd. */
    public String dueDate(String schedule, String reportId) {
        return entry(schedule, reportId)[2];
    }

    public Date reminderTime(String dueDate) {
        return startOfDay(LocalDate.parse(dueDate).minusDays(REMINDER_DAYS_BEFORE_DUE));
    }

    public Date dueTime(String dueDate) {
        return startOfDay(LocalDate.parse(dueDate));
    }

    public Date overdueTime(String dueDate) {
        return startOfDay(LocalDate.parse(dueDate).plusDays(1));
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String[] entry(String schedule, String reportId) {
        return entries(schedule).stream().filter(entry -> entry[0].equals(reportId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Report " + reportId + " is not in the schedule " + schedule));
    }

    private static List<String[]> entries(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return List.of();
        }
        return Arrays.stream(schedule.split(ENTRY_SEPARATOR)).map(entry -> entry.split("\\" + FIELD_SEPARATOR)).toList();
    }
}
