package org.strongcities.fund.web.finance;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.process.award.AwardProcess;
import org.strongcities.fund.web.demo.DemoNetwork;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A finance officer proposes an amendment from the award page; the Central Team decides it from its task
 * list. Over HTTP, on the real application, database and award process.
 */
class FinanceAmendmentTest extends FinanceWebTest {

    @Autowired
    TaskService taskService;

    @Test
    void anOfficerProposesANewEndDateAndTheCentralTeamApprovesItFromItsTaskList() throws Exception {
        String awardId = award("Extendale");
        LocalDate newEnd = FinanceFixture.START.plusYears(5);
        String amendmentId = FormInput.newId("am");

        String form = page(awardId);
        assertThat(form).contains("Propose an amendment", "action=\"/finance/awards/" + awardId + "/amendments/new-end-date\"",
                "name=\"_csrf\"", "<label for=\"newEndDate\">New end date</label>", "id=\"newEndDate\"",
                "<label for=\"extension-reason\">Why the award should change</label>");
        // Three forms and the refund form on one page: each label must point at its own field.
        java.util.List<String> ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(form).results()
                .map(found -> found.group(1)).toList();
        assertThat(ids).as("ids on the award page").doesNotHaveDuplicates();

        mvc.perform(post("/finance/awards/{a}/amendments/new-end-date", awardId).with(user(officer)).with(csrf())
                        .param("amendmentId", amendmentId).param("newEndDate", newEnd.toString())
                        .param("reason", "The venue closed for a year."))
                .andExpect(redirectedUrl("/finance/awards/" + awardId))
                .andExpect(flash().attribute("notice", "Amendment " + amendmentId + " of award " + awardId
                        + " is proposed. The Central Team approves or rejects it from its task list; until then the award"
                        + " stays as it is."));

        assertThat(row(page(awardId), "amendment-" + amendmentId)).contains("New end date", "End date moved to " + newEnd,
                "The venue closed for a year.", "finance.officer, 20", "Awaiting approval");

        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(awardId).taskDefinitionKey(AwardProcess.Elements.USER_APPROVE_AMENDMENT)
                .singleResult(), found -> found != null);
        mvc.perform(post("/tasks/" + task.getId() + "/amendment").param("verdict", "approve").with(csrf())
                .with(user(users.loadUserByUsername("central.approver")))).andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(10)).until(() -> newEnd.equals(jdbc.queryForObject(
                "SELECT end_date FROM rm_award WHERE award_id = ?", LocalDate.class, awardId)));
        String after = page(awardId);
        assertThat(after).contains("data-testid=\"end-date\">" + newEnd + "<");
        assertThat(row(after, "amendment-" + amendmentId)).contains("Approved", "by central.approver");
    }

    @Test
    void budgetLinesThatDoNotAddUpAreRefusedWithTheDomainsWordsAndNothingIsStored() throws Exception {
        String awardId = award("Budgetville");
        String amendmentId = FormInput.newId("am");
        // The form starts from the lines the award has now.
        assertThat(page(awardId)).contains("<label for=\"budget-line-1-description\">Budget line 1: what for</label>",
                "id=\"budget-line-1-description\"", "value=\"Workshops\"", "id=\"budget-line-3-amount\"");
        long before = events();

        String refused = mvc.perform(moveBudget(awardId, amendmentId, "5000", "2000")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain("Nothing was saved: Amendment " + amendmentId).contains(
                "Nothing was saved: The amendment of award " + awardId + " moving money between budget lines"
                        + " needs: the budget lines add up to USD 7,000.00 but the total is USD 8,000.00",
                "value=\"Travel\"", "value=\"2000\"", "Trainers must travel further.");
        assertThat(events()).isEqualTo(before);

        String wrongAmount = mvc.perform(moveBudget(awardId, amendmentId, "five thousand", "3000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrongAmount).contains("Nothing was saved. Check the fields marked below.",
                "Type the amount in figures, for example 250000 or 250000.50", "value=\"five thousand\"");
        assertThat(events()).isEqualTo(before);

        mvc.perform(moveBudget(awardId, amendmentId, "5000", "3000")).andExpect(redirectedUrl("/finance/awards/" + awardId));
        assertThat(row(page(awardId), "amendment-" + amendmentId)).contains("Budget lines moved", "Workshops", "Travel",
                "Trainers must travel further.", "Awaiting approval");
    }

    @Test
    void moreMoneyFromAFittingContributionIsProposedAndOnApprovalTheAwardGrowsByIt() throws Exception {
        String awardId = award("Moreton");
        String extra = fixture.fundedContribution(DemoNetwork.DONOR_US, "5000", Earmark.unrestricted());
        String amendmentId = FormInput.newId("am");
        assertThat(page(awardId)).contains("Propose more money", "value=\"" + extra + "\"", "<option value=\"r-1\">r-1</option>",
                "<label for=\"more-allocation-1-contribution\">Contribution 1</label>",
                "<label for=\"more-tranche-1-planned\">Tranche 1: planned date</label>");
        long before = events();

        String refused = mvc.perform(moreMoney(awardId, amendmentId, extra, "500")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Nothing was saved: The amendment of award " + awardId + " for USD 1,000.00 more"
                + " needs: the additional allocations add up to USD 500.00 but the total is USD 1,000.00", "value=\"500\"");
        String notOffered = mvc.perform(moreMoney(awardId, amendmentId, "contribution-nope", "1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notOffered).contains("Choose one of the contributions in the list");
        assertThat(events()).isEqualTo(before);

        mvc.perform(moreMoney(awardId, amendmentId, extra, "1000")).andExpect(redirectedUrl("/finance/awards/" + awardId));
        assertThat(row(page(awardId), "amendment-" + amendmentId)).contains("More money", "USD 1,000.00 more, in 1 more tranche(s)",
                "A second youth forum.", "Awaiting approval");

        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(awardId).taskDefinitionKey(AwardProcess.Elements.USER_APPROVE_AMENDMENT)
                .singleResult(), found -> found != null);
        mvc.perform(post("/tasks/" + task.getId() + "/amendment").param("verdict", "approve").with(csrf())
                .with(user(users.loadUserByUsername("central.approver")))).andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT amount_usd FROM rm_award WHERE award_id = ?", java.math.BigDecimal.class, awardId)
                .compareTo(new java.math.BigDecimal("9000")) == 0);
        assertThat(jdbc.queryForObject("SELECT amount_usd FROM rm_tranche WHERE award_id = ? AND tranche_id = ?",
                java.math.BigDecimal.class, awardId, amendmentId + "-t1")).isEqualByComparingTo("1000");
        assertThat(jdbc.queryForObject("SELECT amount_usd FROM rm_award_funding WHERE award_id = ? AND contribution_id = ?",
                java.math.BigDecimal.class, awardId, extra)).isEqualByComparingTo("1000");
    }

    @Test
    void onlyAFinanceOfficerProposesAndOnlyWithTheFormsCsrfToken() throws Exception {
        String awardId = award("Guardham");
        long before = events();
        for (String who : new String[]{"focal.nairobi", "finance.approver"}) {
            mvc.perform(moreMoney(awardId, FormInput.newId("am"), "c", "1000").with(user(users.loadUserByUsername(who))))
                    .andExpect(status().isForbidden());
            mvc.perform(extension(awardId).with(user(users.loadUserByUsername(who))).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(budgetForm(awardId, FormInput.newId("am"), "4000", "4000").with(user(users.loadUserByUsername(who)))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(extension(awardId).with(csrf())).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(extension(awardId).with(user(officer))).andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_amendment WHERE award_id = ?", Integer.class, awardId)).isZero();
    }

    @Test
    void hostileInputOnARealAwardGetsAMessageAndStoresNothing() throws Exception {
        String awardId = award("Hostilia");
        long before = events();
        String script = "<script>alert(1)</script>";
        // A year beyond four digits is a date Java reads but no report period or database column can hold.
        String farFuture = mvc.perform(post("/finance/awards/{a}/amendments/new-end-date", awardId).with(user(officer))
                        .with(csrf()).param("amendmentId", script).param("newEndDate", "+999999999-12-31")
                        .param("reason", script))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(farFuture).contains("Give the date as year-month-day, for example 2026-03-31.")
                .doesNotContain(script);
        String hostileLines = mvc.perform(budgetForm(awardId, script, "1e400", "-5").with(user(officer)).with(csrf())
                        .param("budgetLines[7].description", script))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(hostileLines).contains("Type the amount in figures", "The amount must be above zero.", "Fill this in.")
                .doesNotContain(script);
        String tooMuch = mvc.perform(moveBudget(awardId, FormInput.newId("am"), "9".repeat(40), "3000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooMuch).contains("Nothing was saved");
        assertThat(events()).isEqualTo(before);
    }

    private String award(String city) {
        String contributionId = fixture.fundedContribution(DemoNetwork.DONOR_US, "10000", Earmark.unrestricted());
        String cityId = fixture.city(city, "focal." + city.toLowerCase());
        return fixture.award(cityId, "focal." + city.toLowerCase(), contributionId, "8000", "Youth forum of " + city, false);
    }

    private MockHttpServletRequestBuilder extension(String awardId) {
        return post("/finance/awards/{a}/amendments/new-end-date", awardId).param("amendmentId", FormInput.newId("am"))
                .param("newEndDate", FinanceFixture.START.plusYears(5).toString()).param("reason", "Later start.");
    }

    /** The budget-lines form as an officer sends it: Workshops and Travel, and an empty row. */
    private MockHttpServletRequestBuilder moveBudget(String awardId, String amendmentId, String workshops, String travel) {
        return budgetForm(awardId, amendmentId, workshops, travel).with(user(officer)).with(csrf());
    }

    private MockHttpServletRequestBuilder budgetForm(String awardId, String amendmentId, String workshops, String travel) {
        return post("/finance/awards/{a}/amendments/budget-lines", awardId).param("amendmentId", amendmentId)
                .param("budgetLines[0].description", "Workshops").param("budgetLines[0].amount", workshops)
                .param("budgetLines[1].description", "Travel").param("budgetLines[1].amount", travel)
                .param("budgetLines[2].description", "").param("budgetLines[2].amount", "")
                .param("reason", "Trainers must travel further.");
    }

    /**
     * USD 1,000 more from one contribution, paid in one tranche after the progress report (a tranche after
     * the first must wait for a report), with the budget lines of the whole award.
     */
    private MockHttpServletRequestBuilder moreMoney(String awardId, String amendmentId, String contributionId, String share) {
        return post("/finance/awards/{a}/amendments/more-money", awardId).with(user(officer)).with(csrf())
                .param("amendmentId", amendmentId).param("additionalAmount", "1000")
                .param("allocations[0].contributionId", contributionId).param("allocations[0].amount", share)
                .param("allocations[1].contributionId", "").param("allocations[1].amount", "")
                .param("tranches[0].amount", "1000")
                .param("tranches[0].plannedDate", FinanceFixture.PROGRESS_REPORT_DUE.plusMonths(1).toString())
                .param("tranches[0].requiresReportId", "r-1")
                .param("budgetLines[0].description", "Workshops").param("budgetLines[0].amount", "9000")
                .param("reason", "A second youth forum.");
    }

    private String page(String awardId) throws Exception {
        return mvc.perform(get("/finance/awards/{a}", awardId).with(user(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
