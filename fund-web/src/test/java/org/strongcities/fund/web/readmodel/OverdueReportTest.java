package org.strongcities.fund.web.readmodel;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.ApplicationTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A report the hub sent back and the city did not resubmit in time is overdue, like one never
 * submitted, and the award's read model says so.
 */
class OverdueReportTest extends ApplicationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_rejected_report_that_falls_overdue_reads_overdue() {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "30000", Earmark.unrestricted());
        String cityId = fixture.city("Lateford", "focal.lateford");
        String awardId = fixture.award(cityId, "focal.lateford", contributionId, "20000", "Safer streets of Lateford", false);

        commands.sendAndWait(new SubmitReportCommand(awardId, "r-1", "We held four dialogues.", List.of(), "focal.lateford"));
        commands.sendAndWait(new RejectReportCommand(awardId, "r-1", "Please add the results against the indicators.",
                "hub.eastafrica"));
        awaitReport(awardId, "REJECTED");

        fixture.markProgressReportOverdue(awardId);

        awaitReport(awardId, "OVERDUE");
    }

    private void awaitReport(String awardId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT status FROM rm_report WHERE award_id = ? AND report_id = 'r-1'", String.class, awardId))
                .isEqualTo(status));
    }
}
