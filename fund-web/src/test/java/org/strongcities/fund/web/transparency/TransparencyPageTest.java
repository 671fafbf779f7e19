package org.strongcities.fund.web.transparency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.finance.FinanceFormat;
import org.strongcities.fund.web.support.ApplicationTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public page, without signing in. */
class TransparencyPageTest extends ApplicationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anyoneSeesTheTotalsDonorsByYearAndAwardsButNothingOfASensitiveCaseBeyondRegionPriorityAndAmount()
            throws Exception {
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        String contribution = fixture.fundedContribution(DemoNetwork.DONOR_US, "40000", Earmark.unrestricted());
        String brightport = fixture.city("Brightport", "focal.brightport");
        String quietbay = fixture.city("Quietbay", "focal.quietbay");
        fixture.award(brightport, "focal.brightport", contribution, "12000", "Open mayors forum", false);
        String secret = fixture.award(quietbay, "focal.quietbay", contribution, "17000", "Witness protection liaison", true);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MvcResult result = mvc.perform(get("/transparency")).andExpect(status().isOk()).andReturn();
        String page = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

        FinanceFormat format = new FinanceFormat();
        BigDecimal received = jdbc.queryForObject(
                "SELECT SUM(amount_usd) FROM rm_ledger_entry WHERE entry_kind = 'RECEIVED'", BigDecimal.class);
        BigDecimal disbursed = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_usd), 0) FROM rm_ledger_entry WHERE entry_kind = 'DISBURSED'", BigDecimal.class);
        assertThat(page).contains("data-testid=\"received\">" + format.usd(received) + "<",
                "data-testid=\"disbursed\">" + format.usd(disbursed) + "<");
        assertThat(page).contains("Norwegian Ministry of Foreign Affairs", "U.S. Department of State", "2026",
                "Awarded by region", "Awarded by strategic priority", "East &amp; Southern Africa", "Engage youth",
                "Open mayors forum", "Brightport", "17,000.00", "Not disclosed (sensitive case)");
        assertThat(page).doesNotContain("Quietbay", "Witness protection", "Summary of Witness", secret, quietbay);
        // Signed-in navigation is not shown to the public.
        assertThat(page).doesNotContain("Sign out");

        // The award list comes a page at a time, with the count of all awards.
        int awards = jdbc.queryForObject("SELECT COUNT(*) FROM rm_award", Integer.class);
        int pages = Math.max(1, (awards + 49) / 50);
        assertThat(page).contains("data-testid=\"award-page\">Page 1 of " + pages + " (" + awards + " awards).<");
        String beyond = new String(mvc.perform(get("/transparency").param("page", "999999")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(beyond).contains("Page " + pages + " of " + pages);
        mvc.perform(get("/transparency").param("page", "last")).andExpect(status().isBadRequest());
    }

    @Test
    void theFiguresFollowTheLedgerAsSoonAsItMoves() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String before = new String(mvc.perform(get("/transparency")).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        FinanceFixture fixture = new FinanceFixture(commands, jdbc);
        fixture.fundedContribution(DemoNetwork.DONOR_US, "1234.56", Earmark.unrestricted());
        BigDecimal received = jdbc.queryForObject(
                "SELECT SUM(amount_usd) FROM rm_ledger_entry WHERE entry_kind = 'RECEIVED'", BigDecimal.class);
        String after = new String(mvc.perform(get("/transparency")).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        // The totals are kept between requests (ProjectedValues), never past a move of the ledger.
        assertThat(after).contains("data-testid=\"received\">" + new FinanceFormat().usd(received) + "<");
        assertThat(after).isNotEqualTo(before);
    }
}
