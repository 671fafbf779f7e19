package org.strongcities.fund.web.tasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.process.Notice;
import org.strongcities.fund.process.ProcessNotifier;

import java.util.List;
import java.util.Set;

/**
 * Reminders and escalations from the processes, kept in the database (in the same transaction as
 * the timer that raised them) and shown to their recipients on the home page. E-mail delivery would
 * read the same table.
 */
@Component
public class NoticeBoard implements ProcessNotifier {

    private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);

    private final JdbcTemplate jdbc;

    public NoticeBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(Notice notice) {
        jdbc.update("INSERT INTO notice (process_key, case_id, kind, recipients, report_id) VALUES (?, ?, ?, ?, ?)",
                notice.processKey(), notice.caseId(), notice.kind(), notice.recipients(), notice.reportId());
        log.info("Notice {} for case {} to {}", notice.kind(), notice.caseId(), notice.recipients());
    }

    public record Posted(String caseId, String kind, String reportId, java.time.OffsetDateTime postedAt) {
    }

    /** The latest notices for any of the given groups. */
    public List<Posted> forGroups(Set<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT case_id, kind, report_id, posted_at FROM notice WHERE recipients = ANY (?)
                ORDER BY posted_at DESC LIMIT 20""",
                (rs, row) -> new Posted(rs.getString("case_id"), rs.getString("kind"), rs.getString("report_id"),
                        rs.getObject("posted_at", java.time.OffsetDateTime.class)),
                (Object) groups.toArray(String[]::new));
    }
}
