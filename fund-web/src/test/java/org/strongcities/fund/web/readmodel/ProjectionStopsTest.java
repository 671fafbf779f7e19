package org.strongcities.fund.web.readmodel;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.ApplicationTest;

import java.math.BigDecimal;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A projection that cannot apply an event stops at it: it neither skips it (the balances would leave
 * the money out, silently) nor the events after it, and it resumes where it stopped once the cause is
 * mended.
 */
class ProjectionStopsTest extends ApplicationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLedgerStopsAtAReceiptItCannotWriteAndGoesOnOnceThatIsMended() {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String contribution = fixture.fundedContribution(DemoNetwork.DONOR_US, "50000", "1000", Earmark.unrestricted());
        // A fault the ledger cannot get past: its table refuses this one amount.
        jdbc.execute("ALTER TABLE rm_ledger_entry ADD CONSTRAINT test_refuses_one_amount CHECK (amount_usd <> 1234.56)");
        try {
            commands.sendAndWait(new RecordReceiptCommand(contribution, FinanceFixture.unique("receipt"), Money.usd("1234.56"),
                    null, FinanceFixture.START.plusDays(9), "finance.officer"));
            commands.sendAndWait(new RecordReceiptCommand(contribution, FinanceFixture.unique("receipt"), Money.usd("100"),
                    null, FinanceFixture.START.plusDays(10), "finance.officer"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> fixture.received(contribution).compareTo(new BigDecimal("1000")) == 0);
        } finally {
            jdbc.execute("ALTER TABLE rm_ledger_entry DROP CONSTRAINT test_refuses_one_amount");
        }
        // Axon tries again after 1, 2, 4, 8 ... seconds.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> fixture.received(contribution).compareTo(new BigDecimal("2334.56")) == 0);
    }
}
