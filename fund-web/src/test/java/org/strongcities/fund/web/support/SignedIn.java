package org.strongcities.fund.web.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs MockMvc requests in as a real account, so object-level checks see the account's city, hub or donor. */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return user(users.loadUserByUsername(username));
    }
}
