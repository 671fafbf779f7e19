package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GET request reads the read-model version once (every figure of a page from one moment); any other
 * request reads it each time, so that after storing something it shows its own change.
 */
class ProjectedValuesTest extends ApplicationTest {

    @Autowired
    ProjectedValues projected;
    @Autowired
    ReadModels readModels;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGetRequestKeepsItsMomentAndAPostSeesItsOwnChange() {
        assertThat(computedTwiceAcrossAReceipt("GET")).as("one version per GET request").hasValue(1);
        assertThat(computedTwiceAcrossAReceipt("POST")).as("a POST sees the ledger move").hasValue(2);
    }

    private AtomicInteger computedTwiceAcrossAReceipt(String method) {
        AtomicInteger computed = new AtomicInteger();
        String key = "projected-values-test-" + method;
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/test")));
        try {
            readModels.awaitCaughtUp();
            projected.get(key, computed::incrementAndGet);
            new FinanceFixture(commands, jdbc).fundedContribution(DemoNetwork.DONOR_US, "10.00", Earmark.unrestricted());
            readModels.awaitCaughtUp();
            projected.get(key, computed::incrementAndGet);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        return computed;
    }
}
