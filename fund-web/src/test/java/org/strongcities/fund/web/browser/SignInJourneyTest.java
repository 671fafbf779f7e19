package org.strongcities.fund.web.browser;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

class SignInJourneyTest extends ApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void aDemoUserSignsInAndSeesTheHomePage() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("finance.officer", DemoLogin.PASSWORD);
            assertThat(browser.heading()).isEqualTo("Welcome, Priya Nair");
            assertThat(browser.pageText()).contains("Finance officer");
        }
    }

    @Test
    void wrongCredentialsSayWhatToCheck() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("finance.officer", "not-the-password");
            assertThat(browser.pageText()).contains("Wrong user name or password");
            assertThat(browser.heading()).isEqualTo("Sign in");
        }
    }
}
