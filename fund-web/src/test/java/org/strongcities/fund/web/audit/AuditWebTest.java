package org.strongcities.fund.web.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.support.ApplicationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may run the verifier over the web, and what they get back. */
class AuditWebTest extends ApplicationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        // Built by hand rather than with @AutoConfigureMockMvc, so the shared application context is reused.
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anAdministratorGetsTheVerificationAsJson() throws Exception {
        mvc.perform(get("/audit/verify").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.holds").value(true))
                .andExpect(jsonPath("$.eventsChecked").value(greaterThanOrEqualTo(0)))
                .andExpect(jsonPath("$.firstBreak").value(nullValue()));
    }

    @Test
    void financeSeesTheVerificationPage() throws Exception {
        for (String finance : new String[]{"finance.officer", "finance.approver"}) {
            mvc.perform(get("/audit").with(user(users.loadUserByUsername(finance))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("The trail holds.")))
                    .andExpect(content().string(containsString("events checked")));
        }
    }

    @Test
    void aCityFocalPointSignedInForRealIsRefused() throws Exception {
        MvcResult login = mvc.perform(formLogin().user("focal.nairobi").password(DemoLogin.PASSWORD))
                .andExpect(authenticated().withUsername("focal.nairobi"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(get("/audit/verify").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void donorsAndReviewersAreRefused() throws Exception {
        for (String other : new String[]{"donor.norway", "hub.eastafrica", "central.reviewer"}) {
            mvc.perform(get("/audit/verify").with(user(users.loadUserByUsername(other))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/audit/verify")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }
}
