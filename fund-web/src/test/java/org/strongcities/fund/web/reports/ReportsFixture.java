package org.strongcities.fund.web.reports;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;

import java.time.Duration;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;

/**
 * What the report tests need beyond the demo, made through the real commands once per application
 * context: a donor whose name has an "ø", with an ordinary award in a city whose name has an "í"
 * (a tranche paid, part of it refunded) and a sensitive one; and a sensitive award funded by Norway.
 * Every sensitive case is in the city "Quietbrook", which no other case names.
 */
final class ReportsFixture {

    static final String DONOR = "donor-bjornstad-reports";
    static final String DONOR_NAME = "Bjørnstad Foundation for Safer Cities";
    static final String PUBLIC_CITY = "Medellín Norte";
    static final String PUBLIC_TITLE = "Street art with the Đorđević youth crew";
    static final String SENSITIVE_CITY = "Quietbrook";
    static final String SENSITIVE_TITLE = "Safe houses for the Kovačević family";
    static final String NORWAY_SENSITIVE_TITLE = "Exit mentoring in Quietbrook for named families";

    record Made(String publicAward, String sensitiveAward, String norwaySensitiveAward) {
    }

    private static Made made;

    private ReportsFixture() {
    }

    static synchronized Made make(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        if (made != null && exists(jdbc)) {
            return made;
        }
        CommandGateway commands = context.getBean(CommandGateway.class);
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        if (!exists(jdbc)) {
            commands.sendAndWait(new RegisterDonorCommand(DONOR, DONOR_NAME, DonorType.FUND, "NO", null, "admin"));
        }
        String contribution = fixture.fundedContribution(DONOR, "50000", Earmark.unrestricted());
        String publicCity = fixture.city(PUBLIC_CITY, "focal.medellin-norte");
        String quietbrook = fixture.city(SENSITIVE_CITY, "focal.quietbrook");
        String publicAward = fixture.award(publicCity, "focal.medellin-norte", contribution, "20000", PUBLIC_TITLE, false);
        String sensitiveAward = fixture.award(quietbrook, "focal.quietbrook", contribution, "12000", SENSITIVE_TITLE, true);

        commands.sendAndWait(new RequestTrancheCommand(publicAward, "t-1", "finance.officer"));
        commands.sendAndWait(new ApproveTrancheCommand(publicAward, "t-1", "finance.approver"));
        commands.sendAndWait(new RecordTranchePaymentCommand(publicAward, "t-1", "PAY-REPORTS-1", LocalDate.now(), null,
                "finance.officer"));
        commands.sendAndWait(new RecordRefundCommand(publicAward, "refund-reports-1", Money.usd("1500"), "Unspent paint budget",
                "finance.officer"));

        String norwayContribution = fixture.fundedContribution(DemoNetwork.DONOR_NORWAY, "40000", Earmark.unrestricted());
        String norwaySensitive = fixture.award(quietbrook, "focal.quietbrook", norwayContribution, "25000",
                NORWAY_SENSITIVE_TITLE, true);

        await().atMost(Duration.ofSeconds(20)).until(() -> count(jdbc,
                "SELECT count(*) FROM rm_ledger_entry WHERE award_id = ? AND entry_kind IN ('DISBURSED', 'REFUNDED')",
                publicAward) == 2);
        made = new Made(publicAward, sensitiveAward, norwaySensitive);
        return made;
    }

    private static boolean exists(JdbcTemplate jdbc) {
        return count(jdbc, "SELECT count(*) FROM rm_donor WHERE donor_id = ?", DONOR) > 0;
    }

    private static int count(JdbcTemplate jdbc, String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
