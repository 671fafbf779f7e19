package org.strongcities.fund.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each person's main navigation offers the places of their roles (#roles in the layout), and only those. */
class NavigationTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void eachRoleSeesItsOwnPlaces() throws Exception {
        assertThat(mainNavigation("focal.nairobi")).containsExactly("/", "/city", "/transparency", "/open-data");
        assertThat(mainNavigation("hub.eastafrica")).containsExactly("/", "/tasks", "/transparency", "/open-data");
        assertThat(mainNavigation("central.reviewer"))
                .containsExactly("/", "/tasks", "/reports/annual", "/transparency", "/open-data");
        assertThat(mainNavigation("finance.officer")).containsExactly("/", "/tasks", "/finance", "/awards/pending",
                "/as-of", "/reports/donor", "/reports/annual", "/audit", "/transparency", "/open-data");
        assertThat(mainNavigation("donor.norway"))
                .containsExactly("/", "/donor", "/as-of", "/reports/donor", "/transparency", "/open-data");
        assertThat(mainNavigation("admin")).containsExactly("/", "/finance", "/as-of", "/reports/donor",
                "/reports/annual", "/audit", "/admin", "/transparency", "/open-data");
    }

    @Test
    void thePublicSeesThePublicPlacesAndSignIn() throws Exception {
        String page = mvc.perform(get("/transparency")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("aria-label=\"Main\"").contains("aria-label=\"Public\"", "href=\"/login\"");
    }

    private List<String> mainNavigation(String username) throws Exception {
        String page = mvc.perform(get("/transparency").with(SignedIn.as(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int start = page.indexOf("<nav aria-label=\"Main\"");
        assertThat(start).as("the main navigation of " + username).isNotNegative();
        String nav = page.substring(start, page.indexOf("</nav>", start));
        return Pattern.compile("href=\"([^\"]*)\"").matcher(nav).results().map(m -> m.group(1)).toList();
    }
}
