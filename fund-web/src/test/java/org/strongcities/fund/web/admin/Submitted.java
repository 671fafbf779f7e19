package org.strongcities.fund.web.admin;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.web.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A case submitted by Nairobi's focal point through the city portal, so that its review process runs. */
final class Submitted {

    private Submitted() {
    }

    static String application(MockMvc mvc, UserDetailsService users) throws Exception {
        String location = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/city/applications/app-");
        String applicationId = location.split("/")[3];
        mvc.perform(complete(post("/city/applications/" + applicationId + "/edit")).with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection());
        return applicationId;
    }

    private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request) {
        return request.param("action", "submit")
                .param("title", "Youth dialogue for safer neighbourhoods")
                .param("summary", "Monthly dialogues between young people, police and ward leaders.")
                .param("priorities", "YOUTH_ENGAGEMENT", "NATIONAL_LOCAL_COORDINATION")
                .param("supportType", "COMMUNITY_YOUTH_ENGAGEMENT")
                .param("requestedAmount", "20000").param("currency", "USD")
                .param("budgetLines[0].first", "Facilitation").param("budgetLines[0].second", "12000")
                .param("budgetLines[1].first", "Venues and travel").param("budgetLines[1].second", "8000")
                .param("timelineStart", "2027-01-01").param("timelineEnd", "2027-12-31")
                .param("objectives", "Build trust between youth and local institutions.")
                .param("indicators[0].first", "Dialogues held").param("indicators[0].second", "0")
                .param("indicators[0].third", "12")
                .param("risks", "Low turnout; mitigated with youth-led outreach.")
                .param("doNoHarm", "No names recorded; venues chosen with participants.");
    }
}
