package org.strongcities.fund.web.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** A focal point applies in a real browser: an incomplete submission is explained field by field, then it goes through. */
class CityApplicationJourneyTest extends ApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void aFocalPointAppliesCorrectsWhatIsMissingAndSubmits() {
        try (Browser browser = Browser.open(port)) {
            WebDriver page = browser.signIn("focal.nairobi", DemoLogin.PASSWORD).driver();
            page.findElement(By.linkText("Our cases")).click();
            page.findElement(By.xpath("//button[contains(., 'Start a new application')]")).click();

            type(page, "title", "Safe spaces for young women");
            type(page, "requestedAmount", "ten thousand");
            browser.clickAndLoad(By.xpath("//button[@value='submit']"));
            assertThat(page.findElement(By.id("form-error")).getText()).contains("not ready to submit");
            assertThat(browser.pageText()).contains("Type the amount as a number", "Missing: a summary",
                    "Missing: at least one strategic priority");
            assertThat(page.findElement(By.id("title")).getAttribute("value")).isEqualTo("Safe spaces for young women");

            type(page, "summary", "Weekly mentoring circles run with women's groups.");
            page.findElement(By.id("priority-YOUTH_ENGAGEMENT")).click();
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("supportType")))
                    .selectByValue("COMMUNITY_YOUTH_ENGAGEMENT");
            type(page, "requestedAmount", "10000");
            type(page, "budgetLines0.first", "Mentors");
            type(page, "budgetLines0.second", "10000");
            page.findElement(By.id("timelineStart")).sendKeys("01012027");
            page.findElement(By.id("timelineEnd")).sendKeys("12312027");
            type(page, "objectives", "Build confidence and networks.");
            type(page, "indicators0.first", "Participants");
            type(page, "risks", "Stigma; circles meet in trusted places.");
            type(page, "doNoHarm", "No lists of participants are kept.");
            browser.clickAndLoad(By.xpath("//button[@value='submit']"));

            assertThat(browser.pageText()).contains("Your application is submitted.");
            assertThat(page.findElement(By.id("case-status")).getText()).isIn("Submitted", "Under hub review");
            assertThat(browser.heading()).isEqualTo("Safe spaces for young women");
        }
    }

    private static void type(WebDriver page, String id, String text) {
        var field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
