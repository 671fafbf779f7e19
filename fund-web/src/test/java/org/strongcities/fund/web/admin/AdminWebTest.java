package org.strongcities.fund.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminWebTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void onlyAdministratorsManageTheNetwork() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
        for (String user : new String[]{"focal.nairobi", "hub.eastafrica", "central.reviewer", "finance.officer"}) {
            mvc.perform(get("/admin").with(SignedIn.as(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/accounts").with(SignedIn.as(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/processes").with(SignedIn.as(users, user))).andExpect(status().isForbidden());
        }
        int before = events();
        mvc.perform(post("/admin/hubs").with(csrf()).with(SignedIn.as(users, "central.reviewer"))
                .param("name", "Sneaky Hub").param("region", "WEST_AFRICA").param("hostOrganisation", "X"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/hubs").with(SignedIn.as(users, "admin"))
                .param("name", "No Token Hub").param("region", "WEST_AFRICA").param("hostOrganisation", "X"))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        mvc.perform(get("/admin").with(SignedIn.as(users, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Member cities")));
    }

    @Test
    void anAdministratorCreatesACityAccountThatCanSignIn() throws Exception {
        String page = mvc.perform(post("/admin/accounts").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("username", "focal.unbound").param("displayName", "Nobody").param("role", "CITY_FOCAL_POINT")
                        .param("initialPassword", "long-enough-password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("A city focal point acts for one city: choose it.", "Nobody");
        assertThat(accounts.find("focal.unbound")).isEmpty();

        String taken = mvc.perform(post("/admin/accounts").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("username", "admin").param("displayName", "Again").param("role", "ADMINISTRATOR")
                        .param("initialPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("The user name admin is taken", "The first password needs at least 10 characters.");

        mvc.perform(post("/admin/accounts").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("username", "focal.nairobi2").param("displayName", "Achieng Otieno")
                        .param("role", "CITY_FOCAL_POINT").param("cityId", "city-nairobi").param("hubId", "hub-mena")
                        .param("initialPassword", "first-password-123"))
                .andExpect(status().is3xxRedirection());
        var created = accounts.find("focal.nairobi2").orElseThrow();
        assertThat(created.cityId()).isEqualTo("city-nairobi");
        assertThat(created.hubId()).as("only the binding of the role is kept").isNull();
        mvc.perform(formLogin().user("focal.nairobi2").password("first-password-123")).andExpect(authenticated());

        mvc.perform(post("/admin/accounts/focal.nairobi2/enabled").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        assertThat(accounts.find("focal.nairobi2").orElseThrow().enabled()).isFalse();
        mvc.perform(formLogin().user("focal.nairobi2").password("first-password-123"))
                .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated());
    }

    @Test
    void aCityOnContestedTerritoryIsRefusedWithTheDomainsWordsAndNothingIsStored() throws Exception {
        int before = events();
        String page = mvc.perform(city("Contestedville", "city-contestedville").param("onContestedTerritory", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("contested under international law cannot be a member", "Contestedville");
        String noCommitment = mvc.perform(city("Uncommitted", "city-uncommitted", false))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noCommitment).contains("membership requires committing to the Guiding Principles");
        String wrongHub = mvc.perform(city("Wrong Hub", "city-wrong-hub", true, "hub-mena"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrongHub).contains("choose the hub of the city&#39;s region");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_city WHERE city_id IN ('city-contestedville', 'city-uncommitted', 'city-wrong-hub')",
                Integer.class)).isZero();
    }

    @Test
    void anAdministratorRegistersACityThenSuspendsAndReinstatesItWithAReason() throws Exception {
        mvc.perform(city("Eldoret", "")).andExpect(status().is3xxRedirection());
        assertThat(membership("city-eldoret")).isEqualTo("ACTIVE");

        String noReason = mvc.perform(post("/admin/cities/city-eldoret/membership").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("action", "suspend").param("reason", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("Give the reason in at most 1000 characters");
        assertThat(membership("city-eldoret")).isEqualTo("ACTIVE");

        mvc.perform(post("/admin/cities/city-eldoret/membership").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("action", "suspend").param("reason", "Guiding Principles breached: under review"))
                .andExpect(status().is3xxRedirection());
        assertThat(membership("city-eldoret")).isEqualTo("SUSPENDED");

        String again = mvc.perform(post("/admin/cities/city-eldoret/membership").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("action", "suspend").param("reason", "Twice"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Cannot suspend Eldoret (city-eldoret): the membership is suspended");

        mvc.perform(post("/admin/cities/city-eldoret/membership").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("action", "reinstate").param("reason", "Review closed"))
                .andExpect(status().is3xxRedirection());
        assertThat(membership("city-eldoret")).isEqualTo("ACTIVE");
        mvc.perform(get("/admin/cities/city-eldoret").with(SignedIn.as(users, "admin"))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorRegistersAHubAndADonor() throws Exception {
        mvc.perform(post("/admin/hubs").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("name", "West Africa Hub").param("region", "WEST_AFRICA").param("hostOrganisation", "Partner NGO, Dakar"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT region FROM rm_hub WHERE hub_id = 'hub-west-africa-hub'", String.class))
                .isEqualTo("WEST_AFRICA");

        int before = events();
        String badCountry = mvc.perform(post("/admin/donors").with(csrf()).with(SignedIn.as(users, "admin"))
                        .param("name", "Ministry of Nowhere").param("donorType", "GOVERNMENT").param("countryCode", "QQ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badCountry).contains("Unknown country code", "Ministry of Nowhere");
        assertThat(events()).isEqualTo(before);
        mvc.perform(post("/admin/donors").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("name", "Open Society Test Fund").param("donorType", "FUND"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT donor_type FROM rm_donor WHERE donor_id = 'donor-open-society-test-fund'",
                String.class)).isEqualTo("FUND");
    }

    @Test
    void operatorsSeeRunningProcessesAndStaffSeeTheLiveStatusOfACase() throws Exception {
        String applicationId = Submitted.application(mvc, users);

        String processes = mvc.perform(get("/admin/processes").with(SignedIn.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(processes).contains(applicationId, "application_review", "Open incidents", "R3/PT1M");

        String page = mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"process-diagram\"", "data-diagram-url=", "Application submitted", "focal.nairobi");
        // Who did it, in which role: the role in words, not the stored authority.
        assertThat(page).contains("<td>City focal point</td>").doesNotContain("<td>ROLE_");
        assertThat(page).doesNotContain("<script>");

        String xml = mvc.perform(get("/admin/cases/" + applicationId + "/diagram.xml").with(SignedIn.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(xml).contains("<bpmn:definitions", "id=\"application_review\"", "bpmndi:BPMNDiagram");
        mvc.perform(get("/admin/cases/" + applicationId + "/active.json").with(SignedIn.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ended").value(false))
                .andExpect(jsonPath("$.active").isNotEmpty())
                .andExpect(jsonPath("$.completed").isNotEmpty());

        for (String staff : new String[]{"central.reviewer", "finance.officer", "hub.eastafrica"}) {
            mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, staff))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, "hub.balkans"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/cases/" + applicationId + "/diagram.xml").with(SignedIn.as(users, "hub.balkans")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/cases/" + applicationId + "/active.json").with(SignedIn.as(users, "hub.balkans")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/cases/" + applicationId).with(SignedIn.as(users, "donor.norway"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/cases/app-does-not-exist").with(SignedIn.as(users, "admin"))).andExpect(status().isNotFound());
    }

    @Test
    void retryingAJobThatIsGoneSaysSo() throws Exception {
        mvc.perform(post("/admin/processes/jobs/no-such-job/retry").with(csrf()).with(SignedIn.as(users, "admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", org.hamcrest.Matchers.containsString("no job no-such-job")));
    }

    private MockHttpServletRequestBuilder city(String name, String id) {
        return city(name, id, true);
    }

    private MockHttpServletRequestBuilder city(String name, String id, boolean committed) {
        return city(name, id, committed, "hub-east-southern-africa");
    }

    private MockHttpServletRequestBuilder city(String name, String id, boolean committed, String hubId) {
        return post("/admin/cities").with(csrf()).with(SignedIn.as(users, "admin"))
                .param("name", name).param("cityId", id).param("countryCode", "ke").param("region", "EAST_SOUTHERN_AFRICA")
                .param("hubId", hubId).param("populationBand", "FROM_100K_TO_500K")
                .param("focalPointName", "Test Person").param("focalPointEmail", "t.person@city.example")
                .param("focalPointAccount", "focal." + name.toLowerCase().replace(' ', '-'))
                .param("committedToGuidingPrinciples", String.valueOf(committed));
    }

    private String membership(String cityId) {
        return jdbc.queryForObject("SELECT membership FROM rm_city WHERE city_id = ?", String.class, cityId);
    }

    /**
     * Events of the directory (hubs, cities, donors). Not every event: the job executor may store
     * events of other cases (an eligibility check) while a test runs.
     */
    private int events() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.RegionalHubRegisteredEvent'
                    OR payloadtype LIKE '%.MemberCityRegisteredEvent' OR payloadtype LIKE '%.DonorRegisteredEvent'""",
                Integer.class);
    }
}
