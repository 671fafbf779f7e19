package org.strongcities.fund.web.asof;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.web.opendata.OpenDataFixture;
import org.strongcities.fund.web.support.ApplicationTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Balances and cases as they stood on a past date, next to today. */
class AsOfTest extends ApplicationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    BalanceHistory balances;
    @Autowired
    CaseHistory cases;
    @Autowired
    CommandGateway commands;

    MockMvc mvc;
    OpenDataFixture.Made made;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        made = OpenDataFixture.awards(context);
    }

    @Test
    void aBalanceBeforeAReceiptDiffersFromToday() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(20);
        commands.sendAndWait(new RecordReceiptCommand("contribution-us-2026", "receipt-asof-" + System.nanoTime(),
                Money.usd("1000"), Conversion.none(Money.usd("1000"), LocalDate.now(ZoneOffset.UTC)), LocalDate.now(ZoneOffset.UTC),
                "finance.officer"));

        BigDecimal then = received(before);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(Instant.now()).subtract(then).compareTo(new BigDecimal("1000")) == 0);
    }

    @Test
    void aCaseAsOfBeforeItsAwardShowsNoAward() {
        CaseState before = cases.asOf(OpenDataFixture.PUBLIC_APPLICATION, made.beforePublicAward());
        assertThat(before.exists()).isTrue();
        assertThat(before.status()).isEqualTo(ApplicationStatus.AWARDED);
        assertThat(before.shownStatus()).as("approved, in words, until the award is made").isEqualTo("APPROVED");
        assertThat(before.hasAward()).isFalse();
        assertThat(before.awardId()).isNull();

        CaseState after = cases.asOf(OpenDataFixture.PUBLIC_APPLICATION, made.afterPublicAward());
        assertThat(after.hasAward()).isTrue();
        assertThat(after.shownStatus()).isEqualTo("AWARDED");
        assertThat(after.awardAmount()).isEqualTo(Money.usd("20000"));
        assertThat(after.paid()).isEqualTo(Money.usd("0"));

        CaseState now = cases.asOf(OpenDataFixture.PUBLIC_APPLICATION, Instant.now());
        assertThat(now.awardId()).isEqualTo(OpenDataFixture.PUBLIC_AWARD);
        assertThat(now.paid()).isEqualTo(Money.usd("10000"));
        assertThat(now.refunded()).isEqualTo(Money.usd("1500"));
        assertThat(now.eventsApplied()).isGreaterThan(after.eventsApplied());

        CaseState beforeEverything = cases.asOf(OpenDataFixture.PUBLIC_APPLICATION, Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(beforeEverything.exists()).isFalse();
    }

    @Test
    void financeSeesEveryContributionThenAndNow() throws Exception {
        String yesterday = LocalDate.now().minusDays(1).toString();
        mvc.perform(get("/as-of").param("date", yesterday).with(user(users.loadUserByUsername("finance.officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("contribution-us-2026")))
                .andExpect(content().string(containsString("contribution-norway-2026")))
                .andExpect(content().string(containsString("not yet signed")))
                .andExpect(content().string(containsString("changed since")));
    }

    @Test
    void financeSeesACaseThenAndNow() throws Exception {
        String yesterday = LocalDate.now().minusDays(1).toString();
        mvc.perform(get("/as-of/case").param("application", OpenDataFixture.PUBLIC_APPLICATION).param("date", yesterday)
                        .with(user(users.loadUserByUsername("finance.approver"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The case did not exist yet.")))
                .andExpect(content().string(containsString("no award")))
                .andExpect(content().string(containsString(OpenDataFixture.PUBLIC_AWARD + " (Active)")))
                .andExpect(content().string(containsString("<td>Awarded</td>")))
                .andExpect(content().string(not(containsString("ACTIVE"))))
                .andExpect(content().string(not(containsString(">AWARDED<"))));
    }

    @Test
    void aDonorSeesOnlyItsOwnContributionsAndTheCasesTheyFund() throws Exception {
        var donor = users.loadUserByUsername("donor.norway");
        mvc.perform(get("/as-of").with(user(donor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("contribution-norway-2026")))
                .andExpect(content().string(not(containsString("contribution-us-2026"))));
        // The fixture's awards draw on the US contribution, not on Norway's.
        mvc.perform(get("/as-of/case").param("application", OpenDataFixture.PUBLIC_APPLICATION).with(user(donor)))
                .andExpect(status().isNotFound());
    }

    @Test
    void othersAreRefusedAndFutureDatesRejected() throws Exception {
        mvc.perform(get("/as-of").with(user(users.loadUserByUsername("focal.nairobi")))).andExpect(status().isForbidden());
        mvc.perform(get("/as-of/case").param("application", OpenDataFixture.PUBLIC_APPLICATION)
                .with(user(users.loadUserByUsername("central.reviewer")))).andExpect(status().isForbidden());
        mvc.perform(get("/as-of")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        String future = LocalDate.now().plusDays(2).toString();
        mvc.perform(get("/as-of").param("date", future).with(user(users.loadUserByUsername("finance.officer"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(future + " is after today (" + LocalDate.now()
                        + "): nothing is recorded for it yet. Choose a date up to today.")))
                .andExpect(content().string(containsString("contribution-us-2026")));
        mvc.perform(get("/as-of/case").param("application", OpenDataFixture.PUBLIC_APPLICATION).param("date", "31/12/2025")
                        .with(user(users.loadUserByUsername("finance.officer"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;31/12/2025&quot; is not a date: write it as year-month-day")))
                .andExpect(content().string(containsString(OpenDataFixture.PUBLIC_AWARD + " (Active)")))
                .andExpect(content().string(containsString("<td>Awarded</td>")))
                .andExpect(content().string(not(containsString("ACTIVE"))))
                .andExpect(content().string(not(containsString(">AWARDED<"))));
    }

    private BigDecimal received(Instant at) {
        return balances.asOf(at, "donor-us").stream().map(ContributionBalance::received)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
