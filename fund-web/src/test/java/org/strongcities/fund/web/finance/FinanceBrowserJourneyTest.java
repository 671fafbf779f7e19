package org.strongcities.fund.web.finance;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.demo.DemoLogin;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.Browser;
import org.strongcities.fund.web.support.DemoDates;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** A finance officer, in a real browser, records a receipt and sees the balance go up by its USD value. */
class FinanceBrowserJourneyTest extends ApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFinanceOfficerRecordsAReceiptAndSeesTheBalanceChange() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("finance.officer", DemoLogin.PASSWORD);
            browser.visit("/finance");
            assertThat(browser.heading()).isEqualTo("Finance");
            browser.clickAndLoad(By.linkText("Contributions and receipts"));
            browser.clickAndLoad(By.linkText("contribution-norway-2026"));
            assertThat(browser.heading()).isEqualTo("Contribution contribution-norway-2026");
            BigDecimal before = available(browser);

            browser.driver().findElement(By.id("amount")).sendKeys("100000");
            WebElement currency = browser.driver().findElement(By.id("currency"));
            assertThat(currency.getAttribute("value")).isEqualTo("NOK");
            browser.driver().findElement(By.id("rate")).sendKeys("0.095");
            browser.driver().findElement(By.id("rateSource")).sendKeys("ECB reference rate");
            WebElement valueDate = browser.driver().findElement(By.id("valueDate"));
            // A day within the demo agreement's period, on the demo's calendar.
            String withinPeriod = DemoDates.calendar(jdbc).date(2026, 6, 15).toString();
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '" + withinPeriod + "'", valueDate);
            browser.clickAndLoad(By.cssSelector("#main form button[type=submit]"));

            assertThat(browser.pageText()).contains("NOK 100,000.00 received on contribution contribution-norway-2026.");
            assertThat(available(browser)).isEqualByComparingTo(before.add(new BigDecimal("9500.00")));
            assertThat(browser.pageText()).contains("NOK 6,100,000.00 received");
            screenshot(browser, "finance-receipt-recorded.png");
        }
    }

    private static BigDecimal available(Browser browser) {
        String text = browser.driver().findElement(By.cssSelector("[data-testid=available]")).getText();
        return new BigDecimal(text.replace("USD", "").replace(",", "").trim());
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Path file = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
