package org.strongcities.fund.web.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.strongcities.fund.web.security.Account;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.security.Role;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uses its own account: the demo accounts' password is shared by every other test. */
class PasswordChangeTest extends ApplicationTest {

    private static final String FIRST = "first-password-42";
    private static final String SECOND = "second-password-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;

    @Test
    void aSignedInPersonChangesTheirPasswordOnlyWithTheCurrentOne() throws Exception {
        accounts.create(Account.of("password.changer", "Pat Changer", Role.CENTRAL_REVIEWER), FIRST);

        String form = mvc.perform(get("/account/password").with(SignedIn.as(users, "password.changer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Change your password", "Signed in as Pat Changer", "name=\"_csrf\"");

        String wrong = mvc.perform(post("/account/password").with(csrf()).with(SignedIn.as(users, "password.changer"))
                        .param("currentPassword", "not-my-password").param("newPassword", SECOND).param("repeatPassword", SECOND))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("This is not your current password", "Your password is not changed")
                .doesNotContain(SECOND);

        String mistyped = mvc.perform(post("/account/password").with(csrf()).with(SignedIn.as(users, "password.changer"))
                        .param("currentPassword", FIRST).param("newPassword", SECOND).param("repeatPassword", SECOND + "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mistyped).contains("The two new passwords differ");
        String tooShort = mvc.perform(post("/account/password").with(csrf()).with(SignedIn.as(users, "password.changer"))
                        .param("currentPassword", FIRST).param("newPassword", "short").param("repeatPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooShort).contains("at least 10 characters");
        mvc.perform(formLogin().user("password.changer").password(FIRST)).andExpect(authenticated());

        mvc.perform(post("/account/password").with(SignedIn.as(users, "password.changer"))
                        .param("currentPassword", FIRST).param("newPassword", SECOND).param("repeatPassword", SECOND))
                .andExpect(status().isForbidden());
        mvc.perform(formLogin().user("password.changer").password(FIRST)).andExpect(authenticated());

        mvc.perform(post("/account/password").with(csrf()).with(SignedIn.as(users, "password.changer"))
                        .param("currentPassword", FIRST).param("newPassword", SECOND).param("repeatPassword", SECOND))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("password.changer").password(FIRST)).andExpect(unauthenticated());
        mvc.perform(formLogin().user("password.changer").password(SECOND)).andExpect(authenticated());
    }

    @Test
    void signedOutPeopleAreSentToSignIn() throws Exception {
        mvc.perform(get("/account/password")).andExpect(status().is3xxRedirection());
    }
}
