package org.strongcities.fund.web.admin;

import org.strongcities.fund.web.cases.CompleteApplication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
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
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit").with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection());
        return applicationId;
    }
}
