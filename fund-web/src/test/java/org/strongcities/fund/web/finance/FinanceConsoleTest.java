package org.strongcities.fund.web.finance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.web.demo.DemoCalendar;
import org.strongcities.fund.web.demo.DemoNetwork;
import org.strongcities.fund.web.support.DemoDates;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance console over HTTP, on the real application and database, signed in as real accounts. */
class FinanceConsoleTest extends FinanceWebTest {

    @Test
    void anOfficerSignsAnAgreementRecordsAReceiptAndTheBalancesFollowTheLedger() throws Exception {
        String contributionId = FormInput.newId("contribution");
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("contributionId", contributionId).param("donorId", DemoNetwork.DONOR_HELSINKI)
                        .param("amount", "100,000.00").param("currency", "eur")
                        .param("periodStart", "2026-01-01").param("periodEnd", "2027-12-31")
                        .param("earmarkKind", "REGION").param("earmarkValue", "WESTERN_BALKANS"))
                .andExpect(redirectedUrl("/finance/contributions/" + contributionId));

        mvc.perform(post("/finance/contributions/{id}/receipts", contributionId).with(user(officer)).with(csrf())
                        .param("receiptId", FormInput.newId("receipt")).param("amount", "20000").param("currency", "EUR")
                        .param("rate", "1.0825").param("rateSource", "ECB reference rate").param("valueDate", "2026-06-01"))
                .andExpect(redirectedUrl("/finance/contributions/" + contributionId));

        assertThat(fixture.received(contributionId)).isEqualByComparingTo("21650.00");
        mvc.perform(get("/finance/contributions/{id}", contributionId).with(user(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("EUR 20,000.00 received, EUR 80,000.00 still to come")))
                .andExpect(content().string(containsString("data-testid=\"available\">USD 21,650.00<")))
                .andExpect(content().string(containsString("Region: Western Balkans")))
                .andExpect(content().string(containsString("ECB reference rate")));

        // The fund's totals on the console are the sums over the ledger.
        BigDecimal received = jdbc.queryForObject(
                "SELECT SUM(amount_usd) FROM rm_ledger_entry WHERE entry_kind = 'RECEIVED'", BigDecimal.class);
        BigDecimal committed = jdbc.queryForObject("""
                SELECT COALESCE(SUM(CASE entry_kind WHEN 'COMMITTED' THEN amount_usd WHEN 'RELEASED' THEN -amount_usd
                       WHEN 'REFUNDED' THEN -amount_usd END), 0) FROM rm_ledger_entry""", BigDecimal.class);
        FinanceFormat format = new FinanceFormat();
        mvc.perform(get("/finance").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(format.usd(received))))
                .andExpect(content().string(containsString(
                        "data-testid=\"available\">" + format.usd(received.subtract(committed)) + "<")))
                .andExpect(content().string(containsString("City of Helsinki")))
                .andExpect(content().string(containsString("Region: Western Balkans")));

        // Who did it, when, what and why, straight from the event store.
        mvc.perform(get("/finance/audit/{id}", contributionId).with(user(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Contribution agreement signed")))
                .andExpect(content().string(containsString("Receipt recorded")))
                .andExpect(content().string(containsString("finance.officer")))
                .andExpect(content().string(containsString("Finance officer")))
                .andExpect(content().string(containsString("EUR 20,000.00 → USD 21,650.00 at 1.0825")));
        MvcResult csv = mvc.perform(get("/finance/audit/{id}/audit.csv", contributionId).with(user(approver)))
                .andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(body(csv)).startsWith("#,When,Who,Role,What,Why,Details,Correlation id\r\n").contains("Receipt recorded");
        mvc.perform(get("/finance/audit/{id}", "no-such-record").with(user(approver))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsShownBesideItsFieldAndNothingIsStored() throws Exception {
        long before = fixture.events();
        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "12abc").param("currency", "NOK").param("rate", "-0.1")
                        .param("rateSource", "").param("valueDate", "31/12/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was saved. Check the fields marked below.")))
                .andExpect(content().string(containsString(
                        "id=\"amount-error\">Type the amount in figures, for example 250000 or 250000.50, without letters")))
                .andExpect(content().string(containsString("id=\"rate-error\">The rate must be above zero.")))
                .andExpect(content().string(containsString("id=\"rateSource-error\">Fill this in.")))
                .andExpect(content().string(containsString("id=\"valueDate-error\">Give the date as year-month-day")))
                .andExpect(content().string(containsString("value=\"12abc\"")));

        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", "donor-nobody").param("amount", "-5").param("currency", "XYZ")
                        .param("periodStart", "2027-01-01").param("periodEnd", "2026-01-01").param("earmarkKind", "PRIORITY")
                        .param("earmarkValue", "WEST_AFRICA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"donorId-error\">Choose one of the donors in the list.")))
                .andExpect(content().string(containsString("id=\"amount-error\">The amount must be above zero.")))
                .andExpect(content().string(containsString("is not a currency we know")))
                .andExpect(content().string(containsString("id=\"periodEnd-error\">The period must end after it starts.")))
                .andExpect(content().string(containsString("For an earmark by strategic priority, choose one of the priorities.")));

        // Well-formed, but against a rule of the domain: the domain's message is the form error. The demo
        // agreement's period and a day within it are those of the demo's calendar.
        DemoCalendar demo = DemoDates.calendar(jdbc);
        String withinPeriod = demo.date(2026, 6, 1).toString();
        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "20000").param("currency", "EUR").param("rate", "1.08")
                        .param("rateSource", "ECB").param("valueDate", withinPeriod))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is in EUR but the agreement is in NOK")));
        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "100").param("currency", "NOK").param("rate", "99999")
                        .param("rateSource", "ECB").param("valueDate", withinPeriod))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("check that it is not the rate the other way round")));
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "100").param("currency", "NOK").param("rate", "0.09")
                        .param("rateSource", "Norges Bank").param("valueDate", tomorrow))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has a value date of " + tomorrow + ", after today")));
        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "100").param("currency", "NOK").param("rate", "0.09")
                        .param("rateSource", "Norges Bank").param("valueDate", demo.date(2025, 12, 31).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has a value date of " + demo.date(2025, 12, 31)
                        + ", outside the agreement&#39;s period " + demo.date(2026, 1, 1) + " to " + demo.date(2027, 12, 31))));
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_US).param("amount", "99999999999999999999999").param("currency", "USD")
                        .param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31").param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"amount-error\">The fund takes at most USD 100,000,000.00 on one")));
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_US).param("amount", "1000").param("currency", "USD")
                        .param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31").param("earmarkKind", "PURPOSE")
                        .param("earmarkPurpose", "p".repeat(450)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(": at most 200 characters, this one has 450")));

        assertThat(fixture.events()).isEqualTo(before);
    }

    @Test
    void aTrancheIsRequestedApprovedByAnotherPersonPaidAndPartlyRefunded() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "30000", Earmark.unrestricted());
        String cityId = fixture.city("Payton", "focal.payton");
        String awardId = fixture.award(cityId, "focal.payton", contributionId, "20000", "Youth council of Payton", false);

        mvc.perform(post("/finance/tranches/{a}/t-1/request", awardId).with(user(officer)).with(csrf()))
                .andExpect(redirectedUrl("/finance/tranches"));
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("REQUESTED");
        mvc.perform(get("/finance/tranches").with(user(approver)))
                .andExpect(content().string(containsString("Approve tranche t-1 of award " + awardId)));

        mvc.perform(post("/finance/tranches/{a}/t-1/approve", awardId).with(user(approver)).with(csrf()))
                .andExpect(redirectedUrl("/finance/tranches"));
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("APPROVED");

        mvc.perform(get("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer))).andExpect(status().isOk());
        long before = fixture.events();
        mvc.perform(post("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", " ").param("valueDate", "2026-07-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"paymentReference-error\">Fill this in.")));
        // Too long for a reference: the domain refuses it, so no payment exists that a projection could not show.
        mvc.perform(post("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", "R".repeat(300)).param("valueDate", "2026-07-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("needs its payment reference: at most 200 characters, this one has 300")));
        assertThat(fixture.events()).isEqualTo(before);

        mvc.perform(post("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", "BANK-2026-0042").param("valueDate", "2026-07-01"))
                .andExpect(redirectedUrl("/finance/tranches"));
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("PAID");
        assertThat(fixture.sum(contributionId, "DISBURSED")).isEqualByComparingTo("10000.00");

        // t-2 waits for report r-1: the domain refuses to pay it, and says why.
        mvc.perform(post("/finance/tranches/{a}/t-2/request", awardId).with(user(officer)).with(csrf()));
        mvc.perform(post("/finance/tranches/{a}/t-2/approve", awardId).with(user(approver)).with(csrf()));
        mvc.perform(post("/finance/tranches/{a}/t-2/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", "BANK-2026-0043").param("valueDate", "2026-07-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("it waits for report r-1 to be accepted")));

        // A refund larger than what was paid is refused; a smaller one frees the money again.
        mvc.perform(post("/finance/awards/{a}/refunds", awardId).with(user(officer)).with(csrf())
                        .param("amount", "15000").param("reason", "Unspent"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is more than the USD 10,000.00 paid out")));
        mvc.perform(post("/finance/awards/{a}/refunds", awardId).with(user(officer)).with(csrf())
                        .param("refundId", FormInput.newId("refund")).param("amount", "2500")
                        .param("reason", "Unspent travel budget"))
                .andExpect(redirectedUrl("/finance/awards/" + awardId));
        assertThat(fixture.sum(contributionId, "REFUNDED")).isEqualByComparingTo("2500.00");
        mvc.perform(get("/finance/awards/{a}", awardId).with(user(approver)))
                .andExpect(content().string(containsString("data-testid=\"refunded\">USD 2,500.00<")))
                .andExpect(content().string(containsString("BANK-2026-0042")));
        // received 30,000 − committed (20,000 − 2,500 refunded) = 12,500 available
        mvc.perform(get("/finance/contributions/{id}", contributionId).with(user(approver)))
                .andExpect(content().string(containsString("data-testid=\"available\">USD 12,500.00<")));

        MvcResult tranches = mvc.perform(get("/finance/awards/{a}/tranches.csv", awardId).with(user(approver)))
                .andExpect(status().isOk()).andReturn();
        assertThat(body(tranches)).contains(awardId + ",t-1,Payton,10000.00," + FinanceFixture.START.plusMonths(1)
                + ",,Paid,finance.officer,"
                + "finance.approver,finance.officer,BANK-2026-0042,2026-07-01");
    }

    @Test
    void aPaymentDatedAfterTodayIsRefusedAndNothingIsStored() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String cityId = fixture.city("Futureton", "focal.futureton");
        String awardId = fixture.award(cityId, "focal.futureton", contributionId, "6000", "Youth forum of Futureton", false);
        mvc.perform(post("/finance/tranches/{a}/t-1/request", awardId).with(user(officer)).with(csrf()));
        mvc.perform(post("/finance/tranches/{a}/t-1/approve", awardId).with(user(approver)).with(csrf()));
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("APPROVED");

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        long before = fixture.events();
        mvc.perform(post("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", "BANK-FUTURE-1").param("valueDate", today.plusYears(3).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has a value date of " + today.plusYears(3) + ", after today ("
                        + today + "); record the payment once the money has left, with that day")))
                .andExpect(content().string(containsString("value=\"BANK-FUTURE-1\"")));
        assertThat(fixture.events()).isEqualTo(before);
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("APPROVED");

        mvc.perform(post("/finance/tranches/{a}/t-1/payment", awardId).with(user(officer)).with(csrf())
                        .param("paymentReference", "BANK-FUTURE-1").param("valueDate", today.toString()))
                .andExpect(redirectedUrl("/finance/tranches"));
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("PAID");
    }

    /** The figures browser testing could record (ContributionLimits), each refused beside its field, as typed. */
    @Test
    void absurdAmountsAndPeriodsAreRefusedBesideTheirFieldsWithTheLimitAndNothingIsStored() throws Exception {
        long before = fixture.events();
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_NORWAY).param("amount", "9999999999999").param("currency", "NOK")
                        .param("periodStart", "1900-01-01").param("periodEnd", "9999-12-31").param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was saved. Check the fields marked below.")))
                .andExpect(content().string(containsString("id=\"amount-error\">The fund takes at most NOK 100,000,000.00 on one "
                        + "agreement or receipt. Check the figure for extra digits.")))
                .andExpect(content().string(containsString("id=\"periodStart-error\">The period cannot start before 2015-01-01: "
                        + "the Strong Cities Network was launched in 2015. Check the year.")))
                .andExpect(content().string(containsString("value=\"9999999999999\"")))
                .andExpect(content().string(containsString("value=\"1900-01-01\"")))
                .andExpect(content().string(containsString("value=\"9999-12-31\"")));

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_NORWAY).param("amount", "1000000").param("currency", "NOK")
                        .param("periodStart", today.toString()).param("periodEnd", "9999-12-31").param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"periodEnd-error\">An agreement lasts at most 10 years: end it on "
                        + today.plusYears(10) + " at the latest, and sign a new agreement for the years after.")));
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_NORWAY).param("amount", "1000000").param("currency", "NOK")
                        .param("periodStart", today.plusYears(2).plusDays(1).toString())
                        .param("periodEnd", today.plusYears(3).toString()).param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"periodStart-error\">The period can start at most 2 years from today, on "
                        + today.plusYears(2) + " at the latest. Check the year.")));

        mvc.perform(post("/finance/contributions/{id}/receipts", "contribution-norway-2026").with(user(officer)).with(csrf())
                        .param("amount", "100000000.01").param("currency", "NOK").param("rate", "0.0941")
                        .param("rateSource", "Norges Bank").param("valueDate", "2014-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"amount-error\">The fund takes at most NOK 100,000,000.00 on one")))
                .andExpect(content().string(containsString("id=\"valueDate-error\">The value date cannot be before 2015-01-01: "
                        + "the fund had no agreements yet. Check the year.")))
                .andExpect(content().string(containsString("value=\"100000000.01\"")));
        assertThat(fixture.events()).isEqualTo(before);
    }

    @Test
    void anAmountWithDecimalsInACurrencyWithoutThemIsToldToBeAWholeNumber() throws Exception {
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_US).param("amount", "1000.5").param("currency", "JPY")
                        .param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31").param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "id=\"amount-error\">JPY amounts have no decimal places: type a whole number.")));
        mvc.perform(post("/finance/contributions").with(user(officer)).with(csrf())
                        .param("donorId", DemoNetwork.DONOR_US).param("amount", "1000.505").param("currency", "USD")
                        .param("periodStart", "2026-01-01").param("periodEnd", "2026-12-31").param("earmarkKind", "UNRESTRICTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"amount-error\">USD amounts have at most 2 decimal places.")));
    }

    @Test
    void anAwardShowsItsRegionAndStatusInWordsNotCodes() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "8000", Earmark.unrestricted());
        String cityId = fixture.city("Wordsby", "focal.wordsby");
        String awardId = fixture.award(cityId, "focal.wordsby", contributionId, "6000", "Youth forum of Wordsby", false);
        mvc.perform(get("/finance/awards/{a}", awardId).with(user(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd>East &amp; Southern Africa</dd>")))
                .andExpect(content().string(containsString("<dd>Active</dd>")))
                .andExpect(content().string(not(containsString("EAST_SOUTHERN_AFRICA"))));
        String list = mvc.perform(get("/finance/awards").with(user(approver))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("EAST_SOUTHERN_AFRICA", "<td>ACTIVE</td>", "<td>CLOSED</td>")
                .contains("<td>East &amp; Southern Africa</td>");
        // The download says the same as the list.
        String csv = body(mvc.perform(get("/finance/awards.csv").with(user(approver))).andExpect(status().isOk()).andReturn());
        String row = csv.lines().filter(line -> line.startsWith(awardId + ",")).findFirst().orElseThrow();
        assertThat(row).contains(",East & Southern Africa,Active,").doesNotContain("EAST_SOUTHERN_AFRICA", "ACTIVE");
    }

    @Test
    void noTrancheIsRequestedOrApprovedWhileTheCityHasAnOverdueReport() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "30000", Earmark.unrestricted());
        String cityId = fixture.city("Holdham", "focal.holdham");
        String awardId = fixture.award(cityId, "focal.holdham", contributionId, "20000", "Youth forum of Holdham", false);
        mvc.perform(post("/finance/tranches/{a}/t-1/request", awardId).with(user(officer)).with(csrf()))
                .andExpect(redirectedUrl("/finance/tranches"));
        fixture.markProgressReportOverdue(awardId);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rm_city_hold WHERE city_id = ?", Integer.class, cityId) == 1);

        // The pages say why nothing moves, and offer no step the domain would refuse.
        String onHold = "On hold: Holdham has overdue reports (r-1 of award " + awardId + ").";
        assertThat(trancheRow(approver, awardId, "t-1")).contains(onHold)
                .doesNotContain("action=\"/finance/tranches/" + awardId + "/t-1/approve\"");
        assertThat(trancheRow(officer, awardId, "t-2")).contains(onHold)
                .doesNotContain("action=\"/finance/tranches/" + awardId + "/t-2/request\"");
        mvc.perform(get("/finance/awards/{a}", awardId).with(user(officer)))
                .andExpect(content().string(containsString(onHold)));

        // A form sent anyway (a stale tab) is still refused by the domain, which says why.
        long before = fixture.events();
        mvc.perform(post("/finance/tranches/{a}/t-1/approve", awardId).with(user(approver)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cannot approve tranche t-1 of award " + awardId
                        + ": Holdham (" + cityId + ") has overdue reports [r-1 of award " + awardId
                        + "]; no tranche is requested, approved or paid until they are accepted")));
        mvc.perform(post("/finance/tranches/{a}/t-2/request", awardId).with(user(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cannot request tranche t-2 of award " + awardId)));
        assertThat(fixture.events()).isEqualTo(before);
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("REQUESTED");
    }

    @Test
    void theRequesterCannotApproveTheirOwnTrancheRequest() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String cityId = fixture.city("Eyesville", "focal.eyesville");
        String awardId = fixture.award(cityId, "focal.eyesville", contributionId, "8000", "Mayors forum", false);
        // Requested by the approver (in the past, or by the process): the same person may not approve it.
        commands.sendAndWait(new RequestTrancheCommand(awardId, "t-1", "finance.approver"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "REQUESTED".equals(fixture.trancheStatus(awardId, "t-1")));

        long before = fixture.events();
        mvc.perform(post("/finance/tranches/{a}/t-1/approve", awardId).with(user(approver)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tranche " + awardId + "/t-1 was not changed.")))
                .andExpect(content().string(containsString("Four eyes: finance.approver")));
        assertThat(fixture.events()).isEqualTo(before);
        assertThat(fixture.trancheStatus(awardId, "t-1")).isEqualTo("REQUESTED");
    }

    @Test
    void theTrancheListOffersApprovalAndPaymentOnlyToThoseFourEyesAllow() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String cityId = fixture.city("Twosight", "focal.twosight");
        String awardId = fixture.award(cityId, "focal.twosight", contributionId, "8000", "Mayors forum of Twosight", false);
        String approveForm = "action=\"/finance/tranches/" + awardId + "/t-1/approve\"";
        String payLink = "href=\"/finance/tranches/" + awardId + "/t-1/payment\"";
        // Requested by the approver: the approver is told a colleague approves it, and has no button.
        commands.sendAndWait(new RequestTrancheCommand(awardId, "t-1", "finance.approver"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "REQUESTED".equals(fixture.trancheStatus(awardId, "t-1")));
        assertThat(trancheRow(approver, awardId, "t-1"))
                .contains("You (finance.approver) requested this tranche: another finance approver must approve it (four eyes).")
                .doesNotContain(approveForm);

        // Approved by the officer (an account with both roles, say): the officer is told a colleague pays it.
        commands.sendAndWait(new ApproveTrancheCommand(awardId, "t-1", "finance.officer"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "APPROVED".equals(fixture.trancheStatus(awardId, "t-1")));
        assertThat(trancheRow(officer, awardId, "t-1"))
                .contains("You (finance.officer) approved this tranche: another finance officer must record its payment (four eyes).")
                .doesNotContain(payLink);

        // Requested by the officer: the approver has the button, and nobody is told to leave it.
        mvc.perform(post("/finance/tranches/{a}/t-2/request", awardId).with(user(officer)).with(csrf()))
                .andExpect(redirectedUrl("/finance/tranches"));
        assertThat(trancheRow(approver, awardId, "t-2"))
                .contains("action=\"/finance/tranches/" + awardId + "/t-2/approve\"").doesNotContain("four eyes");
    }

    @Test
    void theAwardFormOffersOnlyTheContributionsWhoseEarmarkFitsTheApplicationAndThatHaveMoneyAvailable() throws Exception {
        // The fixture's case: East & Southern Africa, youth engagement and city-to-city interaction, community and
        // youth engagement support.
        String region = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.region(Region.EAST_SOUTHERN_AFRICA));
        String priority = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.priority(StrategicPriority.YOUTH_ENGAGEMENT));
        String unrestricted = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.unrestricted());
        String otherRegion = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.region(Region.WEST_AFRICA));
        String otherPriority = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.priority(StrategicPriority.MAYORS_VOICES));
        String otherSupport = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.supportType(SupportType.STRATEGIC_COMMUNICATIONS));
        // It fits, but no money has arrived: nothing of it can be committed yet.
        String nothingReceived = fixture.signedContribution(DemoNetwork.DONOR_US, "5000", Earmark.region(Region.EAST_SOUTHERN_AFRICA));
        String cityId = fixture.city("Fitton", "focal.fitton");
        String applicationId = fixture.approved(cityId, "focal.fitton", "5000", "Youth exchange of Fitton", false);

        String form = mvc.perform(get("/awards/new/{id}", applicationId).with(user(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains(option(region), option(priority), option(unrestricted))
                .doesNotContain(option(otherRegion), option(otherPriority), option(otherSupport), option(nothingReceived),
                        "no-fitting-contribution");
    }

    @Test
    void twoOpenAmendmentsOfOneAwardAreToldApartByTheirChangeReasonProposerAndTime() throws Exception {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String cityId = fixture.city("Amendale", "focal.amendale");
        String awardId = fixture.award(cityId, "focal.amendale", contributionId, "8000", "Youth forum of Amendale", false);
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(5)), "The venue closed for a year.", "finance.officer"));
        commands.sendAndWait(new ProposeAmendmentCommand(awardId, "am-2", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FinanceFixture.START.plusYears(6)), "Elections moved the start.", "central.reviewer"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rm_amendment WHERE award_id = ?", Integer.class, awardId) == 2);

        String page = mvc.perform(get("/finance/awards/{a}", awardId).with(user(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(page, "amendment-am-1")).contains("New end date", "End date moved to " + FinanceFixture.START.plusYears(5),
                "The venue closed for a year.", "finance.officer, 20", "Awaiting approval");
        assertThat(row(page, "amendment-am-2")).contains("New end date", "End date moved to " + FinanceFixture.START.plusYears(6),
                "Elections moved the start.", "central.reviewer, 20", "Awaiting approval");
    }

    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String option(String contributionId) {
        return "value=\"" + contributionId + "\"";
    }

    /** The row of one tranche on the tranche list, as this person sees it. */
    private String trancheRow(UserDetails who, String awardId, String trancheId) throws Exception {
        String page = mvc.perform(get("/finance/tranches").with(user(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"tranche-" + awardId + "-" + trancheId + "\"");
        assertThat(start).as("row of " + awardId + "/" + trancheId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void everyTableDownloadsAsCsvWithFormulasDefused() throws Exception {
        String donorId = FinanceFixture.unique("donor-test");
        commands.sendAndWait(new RegisterDonorCommand(donorId, "=HYPERLINK(\"http://evil.example\",\"Click\")",
                DonorType.FUND, "NO", null, "admin"));
        String contributionId = fixture.fundedContribution(donorId, "1000", Earmark.purpose("+youth, \"sports\""));

        MvcResult contributions = mvc.perform(get("/finance/contributions.csv").with(user(approver)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn();
        assertThat(contributions.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        String csv = body(contributions);
        assertThat(csv).startsWith("Contribution,Donor,Earmark,Currency,Pledged,Received (agreement currency),"
                + "Period starts,Period ends,Received (USD),Committed (USD),Disbursed (USD),Refunded (USD),Available (USD)\r\n");
        assertThat(csv).contains(contributionId + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","
                + "\"Purpose: +youth, \"\"sports\"\"\",USD,1000.00,1000.00," + FinanceFixture.START + ","
                + FinanceFixture.START.plusYears(2) + ",1000.00,0.00,0.00,0.00,1000.00");
        assertThat(csv).contains("contribution-norway-2026,Norwegian Ministry of Foreign Affairs,Unrestricted,NOK,");

        for (String path : new String[]{"/finance/donors.csv", "/finance/earmarks.csv", "/finance/receipts.csv",
                "/finance/tranches.csv", "/finance/awards.csv", "/finance/contributions/contribution-norway-2026/ledger.csv"}) {
            MvcResult result = mvc.perform(get(path).with(user(officer))).andExpect(status().isOk()).andReturn();
            assertThat(result.getResponse().getContentType()).as(path).startsWith("text/csv");
            assertThat(body(result)).as(path).contains("\r\n");
        }
        assertThat(body(mvc.perform(get("/finance/donors.csv").with(user(officer))).andReturn()))
                .startsWith("Donor,Contributions,Pledged,Received (USD)")
                .contains("\"'=HYPERLINK(");
    }

    @Test
    void onlyFinanceMayChangeMoneyAndOnlyWithTheFormToken() throws Exception {
        UserDetails admin = users.loadUserByUsername("admin");
        UserDetails donor = users.loadUserByUsername("donor.norway");
        UserDetails focal = users.loadUserByUsername("focal.nairobi");
        mvc.perform(get("/finance").with(user(donor))).andExpect(status().isForbidden());
        mvc.perform(get("/finance/contributions.csv").with(user(focal))).andExpect(status().isForbidden());
        mvc.perform(get("/finance")).andExpect(redirectedUrlPattern("**/login"));

        // Administrators read, without the forms.
        mvc.perform(get("/finance/contributions").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Sign the agreement"))));
        mvc.perform(get("/finance/contributions/contribution-norway-2026").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Record the receipt"))));

        long before = fixture.events();
        mvc.perform(receipt().with(user(admin)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(receipt().with(user(approver)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(receipt().with(user(officer))).andExpect(status().isForbidden());
        mvc.perform(receipt().with(user(officer)).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(post("/finance/tranches/award-x/t-1/approve").with(user(officer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/finance/tranches/award-x/t-1/request").with(user(approver)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(fixture.events()).isEqualTo(before);

        // The pages carry the token in every form.
        mvc.perform(get("/finance/contributions/contribution-norway-2026").with(user(officer)))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    private static MockHttpServletRequestBuilder receipt() {
        return post("/finance/contributions/{id}/receipts", "contribution-norway-2026")
                .param("amount", "1000").param("currency", "NOK").param("rate", "0.0941")
                .param("rateSource", "ECB reference rate").param("valueDate", "2026-06-01");
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
