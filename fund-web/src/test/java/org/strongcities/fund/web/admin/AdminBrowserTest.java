package org.strongcities.fund.web.admin;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.Browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator opens a submitted case's live status in a real browser and sees where it is in its process. */
class AdminBrowserTest extends ApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void anAdministratorSeesTheProcessDiagramWithTheCurrentStepHighlighted() throws Exception {
        String applicationId = Submitted.application(mvc, users);
        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin", DemoLogin.PASSWORD).visit("/admin");
            assertThat(browser.heading()).isEqualTo("Administration");
            browser.visit("/admin/processes");
            assertThat(browser.pageText()).contains(applicationId);
            browser.driver().findElement(By.linkText(applicationId)).click();
            assertThat(browser.heading()).contains(applicationId);

            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-diagram .highlight")));
            assertThat(browser.driver().findElements(By.cssSelector("#process-diagram .djs-element")).size()).isGreaterThan(10);
            assertThat(browser.driver().findElements(By.cssSelector("#process-diagram .done"))).isNotEmpty();
            assertThat(browser.pageText()).contains("Application submitted");

            Path screenshot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(screenshot, Path.of("target", "screenshots", "admin-live-status.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
