package org.strongcities.fund.web.donor;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.security.Account;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.security.Role;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A donor sees its own money and where it went, never another donor's, and never a sensitive case's details. */
class DonorViewTest extends ApplicationTest {

    private static final String DENMARK_LOGIN = "donor.denmark.test";
    private static String norwayContribution;
    private static String norwayAwardOpen;
    private static String norwayAwardSensitive;

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Accounts accounts;

    MockMvc mvc;
    UserDetails norway;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        norway = users.loadUserByUsername("donor.norway");
        if (norwayContribution == null) {
            FinanceFixture fixture = new FinanceFixture(commands, jdbc);
            norwayContribution = fixture.fundedContribution(DemoNetwork.DONOR_NORWAY, "60000", Earmark.unrestricted());
            String riverton = fixture.city("Riverton", "focal.riverton");
            String hiddenford = fixture.city("Hiddenford", "focal.hiddenford");
            norwayAwardOpen = fixture.award(riverton, "focal.riverton", norwayContribution, "20000",
                    "Youth football league", false);
            norwayAwardSensitive = fixture.award(hiddenford, "focal.hiddenford", norwayContribution, "30000",
                    "Exit programme for returnees", true);
            String denmark = fixture.fundedContribution(DemoNetwork.DONOR_DENMARK, "10000",
                    Earmark.region(Region.EAST_SOUTHERN_AFRICA));
            String lakeside = fixture.city("Lakeside", "focal.lakeside");
            fixture.award(lakeside, "focal.lakeside", denmark, "5000", "Danish funded dialogue", false);
            accounts.create(Account.of(DENMARK_LOGIN, "Danish MFA tester", Role.DONOR).forDonor(DemoNetwork.DONOR_DENMARK),
                    "test-password-123");
        }
    }

    @Test
    void aDonorSeesWhatItGaveAndWhereItWent() throws Exception {
        String page = page("/donor", norway);
        assertThat(page).contains("Our contributions \u2014 Norwegian Ministry of Foreign Affairs",
                "contribution-norway-2026", norwayContribution, "Youth football league", "Riverton",
                "East &amp; Southern Africa", "Engage youth", "Committed by city", "Committed by region",
                "Committed by strategic priority");
        // Norway's NOK receipt with its conversion.
        assertThat(page).contains("NOK 6,000,000.00", "0.0941", "ECB reference rate");
        assertThat(page).doesNotContain("contribution-denmark-esa", "Danish funded dialogue", "Lakeside",
                "Ministry of Foreign Affairs of Denmark", "U.S. Department of State");
    }

    @Test
    void aSensitiveCaseShowsOnlyRegionPriorityAndAmount() throws Exception {
        String page = page("/donor", norway);
        assertThat(page).contains("Not disclosed (sensitive case)", "30,000.00");
        assertThat(page).doesNotContain("Hiddenford", "Exit programme", "returnees", norwayAwardSensitive);
        assertThat(page).contains(norwayAwardOpen.isEmpty() ? "" : "Riverton");
        String csv = page("/donor/activities.csv", norway);
        assertThat(csv).startsWith("Activity,City,Region,Strategic priorities,Committed (USD),Disbursed (USD),Refunded (USD)\r\n")
                .contains("Not disclosed (sensitive case),Not disclosed (sensitive case),East & Southern Africa,")
                .contains("Youth football league,Riverton,East & Southern Africa,")
                .doesNotContain("Hiddenford", "Exit programme", "Lakeside");
    }

    @Test
    void anotherDonorsContributionIsNotFoundAndItsDataNeverListed() throws Exception {
        mvc.perform(get("/donor/contributions/{id}", "contribution-denmark-esa").with(user(norway)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/donor/contributions/{id}", "contribution-norway-2026").with(user(norway)))
                .andExpect(status().isOk());

        UserDetails denmark = users.loadUserByUsername(DENMARK_LOGIN);
        mvc.perform(get("/donor/contributions/{id}", "contribution-norway-2026").with(user(denmark)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/donor/contributions/{id}", norwayContribution).with(user(denmark)))
                .andExpect(status().isNotFound());
        String denmarkPage = page("/donor", denmark);
        assertThat(denmarkPage).contains("contribution-denmark-esa", "Danish funded dialogue", "Lakeside")
                .doesNotContain("contribution-norway-2026", "Youth football league", "Riverton");
        // A donor id in the query is ignored: the account decides.
        assertThat(page("/donor?donorId=" + DemoNetwork.DONOR_NORWAY, denmark)).doesNotContain("contribution-norway-2026");

        for (String csv : new String[]{"/donor/contributions.csv", "/donor/receipts.csv", "/donor/activities.csv"}) {
            assertThat(page(csv, norway)).as(csv).doesNotContain("denmark", "Danish", "Lakeside");
            assertThat(page(csv, denmark)).as(csv).doesNotContain("norway", "Riverton");
        }
        assertThat(page("/donor/contributions.csv", norway)).contains("contribution-norway-2026,Unrestricted,NOK,10000000.00,");
    }

    @Test
    void onlyDonorsOpenTheDonorView() throws Exception {
        mvc.perform(get("/donor").with(user(users.loadUserByUsername("finance.officer")))).andExpect(status().isForbidden());
        mvc.perform(get("/donor").with(user(users.loadUserByUsername("focal.nairobi")))).andExpect(status().isForbidden());
        mvc.perform(get("/donor/activities.csv")).andExpect(redirectedUrlPattern("**/login"));
    }

    private String page(String path, UserDetails who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn();
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
