package org.strongcities.fund.web.cases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AutoConfigureMockMvc
class CityPortalTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFocalPointDraftsSubmitsAndFollowsItsCase() throws Exception {
        String applicationId = startDraft("focal.nairobi");

        String incomplete = mvc.perform(post("/city/applications/" + applicationId + "/edit").with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi"))
                        .param("action", "submit").param("title", "Youth dialogue").param("requestedAmount", "twelve"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(incomplete).contains("not ready to submit", "Type the amount as a number", "Missing: a summary",
                "Missing: at least one strategic priority");
        assertThat(statusOf(applicationId)).isEqualTo("DRAFT");

        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(applicationId)).isIn("SUBMITTED", "UNDER_HUB_REVIEW");

        String casePage = mvc.perform(get("/city/applications/" + applicationId).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("Youth dialogue for safer neighbourhoods", "Submitted", "Version 1");
    }

    @Test
    void anUnknownCurrencyIsReportedAtTheCurrencyNotAsAMissingAmount() throws Exception {
        String applicationId = startDraft("focal.nairobi");

        String page = submittedWith(applicationId, "currency", "XYZ");

        assertThat(page).contains("not ready to submit").doesNotContain("Missing: a requested amount");
        // The message stands right after the currency field, which is marked invalid and points at it.
        assertThat(page).containsPattern("<input id=\"currency\"[^>]*aria-invalid=\"true\"[^>]*>\\s*"
                + "<p class=\"field-error\" id=\"currency-error\">XYZ is not a currency code we know. The fund accepts "
                + "three-letter ISO 4217 codes such as USD or EUR. Your requested amount and budget line amounts stay in the "
                + "form and are saved once the currency is one of these.</p>");
        // The amount the city typed stays in its field, without an error of its own.
        assertThat(page).containsPattern("<input id=\"requestedAmount\"[^>]*value=\"20000\"[^>]*>\\s*</div>");
        assertThat(statusOf(applicationId)).isEqualTo("DRAFT");
    }

    @Test
    void aDraftWithAnUnknownCurrencyIsNotSavedAndEveryAmountStaysAsTyped() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "save")
                .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection());
        int before = events();

        String page = savedWith(applicationId, Map.of("currency", "XYZ", "requestedAmount", "21000",
                "budgetLines[1].second", "9000"));

        assertThat(page).contains("The draft is not saved: the fields marked below cannot be kept as typed. Correct them and "
                        + "save again; everything you typed is still in the form.",
                "<p class=\"field-error\" id=\"currency-error\">XYZ is not a currency code we know. The fund accepts "
                        + "three-letter ISO 4217 codes such as USD or EUR. Your requested amount and budget line amounts stay "
                        + "in the form and are saved once the currency is one of these.</p>");
        assertThat(page).containsPattern("<input id=\"requestedAmount\"[^>]*value=\"21000\"")
                .containsPattern("name=\"budgetLines\\[0\\].second\"[^>]*value=\"12000\"")
                .containsPattern("name=\"budgetLines\\[1\\].second\"[^>]*value=\"9000\"")
                .containsPattern("<input id=\"currency\"[^>]*value=\"XYZ\"");
        // Nothing stored: the saved draft keeps its amounts instead of losing them to the unknown currency.
        assertThat(events()).isEqualTo(before);
        assertThat(shownText(get("/city/applications/" + applicationId + "/edit")))
                .containsPattern("<input id=\"requestedAmount\"[^>]*value=\"20000.00\"")
                .containsPattern("name=\"budgetLines\\[1\\].second\"[^>]*value=\"8000.00\"");
    }

    @Test
    void aMalformedBudgetAmountIsNamedByItsLineAndTheDraftIsNotSaved() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        int before = events();

        String page = savedWith(applicationId, Map.of("budgetLines[1].second", "8.000,5"));

        assertThat(page).contains("<p class=\"field-error\" id=\"budgetLines-error\">Budget line 2: type the amount as a "
                + "number, for example 25000 or 25000.50 (you typed &#39;8.000,5&#39;).</p>", "The draft is not saved")
                .containsPattern("name=\"budgetLines\\[1\\].second\"[^>]*value=\"8.000,5\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOverlongTextIsNamedWithItsLimitAndLengthAndKeptWhole() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        int before = events();
        String title = "Youth dialogue " + "t".repeat(597);
        String indicator = "Dialogues " + "i".repeat(491);
        String summary = "s".repeat(20_003);

        String page = savedWith(applicationId, Map.of("title", title, "indicators[0].first", indicator, "summary", summary));

        assertThat(page).contains("The draft is not saved",
                "<p class=\"field-error\" id=\"title-error\">The title is too long (612 characters, at most 500).</p>",
                "<p class=\"field-error\" id=\"summary-error\">The summary is too long (20003 characters, at most 20000).</p>",
                "<p class=\"field-error\" id=\"indicators-error\">Indicator 1&#39;s name is too long (501 characters, at most 500)."
                        + "</p>",
                "value=\"" + title + "\"", "value=\"" + indicator + "\"", ">" + summary + "</textarea>")
                .doesNotContain("some values could not be read");
        // Nothing stored, so no cut text either.
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTextTheFieldLetThePersonTypeIsSavedThoughItsLineBreaksArriveAsTwoCharacters() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        // 20000 characters as the browser's field counts them; the browser sends each line break as CR LF.
        String summary = ("d".repeat(1_999) + "\r\n").repeat(9) + "d".repeat(2_000);

        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "save")
                        .with(request -> {
                            request.setParameter("summary", summary);
                            return request;
                        })
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void budgetLinesThatDoNotAddUpAreSaidAsTheyAreNotAsSomethingMissing() throws Exception {
        String applicationId = startDraft("focal.nairobi");

        String page = submittedWith(applicationId, "requestedAmount", "25000");

        assertThat(page).contains("not ready to submit",
                        "The budget lines add up to USD 20,000.00 but the requested amount is USD 25,000.00.")
                .doesNotContain("Missing: the budget lines");
        assertThat(statusOf(applicationId)).isEqualTo("DRAFT");
    }

    @Test
    void everyFieldMarkedWrongPointsAScreenReaderAtItsMessage() throws Exception {
        String applicationId = startDraft("focal.nairobi");

        String page = mvc.perform(post("/city/applications/" + applicationId + "/edit").with(csrf())
                        .with(SignedIn.as(users, "focal.nairobi")).param("action", "submit").param("timelineStart", "soon"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String field : new String[]{"title", "summary", "requestedAmount", "timelineStart", "timelineEnd", "objectives",
                "risks", "doNoHarm"}) {
            assertThat(page).as(field).containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\""
                    + field + "-error\"").contains("<p class=\"field-error\" id=\"" + field + "-error\">");
        }
        assertThat(page).containsPattern("<select id=\"supportType\"[^>]*aria-describedby=\"supportType-error\"")
                .contains("id=\"supportType-error\"");
        for (String group : new String[]{"priorities", "budgetLines", "indicators"}) {
            assertThat(page).as(group).contains("<fieldset aria-describedby=\"" + group + "-error\">",
                    "<p class=\"field-error\" id=\"" + group + "-error\">");
        }
    }

    @Test
    void theCitySeesItsApplicationByTitleAndNeverByInternalId() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "save")
                .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection());
        assertThat(shownText(get("/city/applications/" + applicationId + "/edit"))).doesNotContain(applicationId);
        assertThat(shownText(get("/city/applications/" + applicationId))).doesNotContain(applicationId);

        mvc.perform(post("/city/applications/" + applicationId + "/withdraw").param("reason", "Plans changed").with(csrf())
                .with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection());
        // Withdrawn twice (a second tab): the domain's refusal names the application by its title.
        MvcResult again = mvc.perform(post("/city/applications/" + applicationId + "/withdraw").param("reason", "Again")
                .with(csrf()).with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(String.valueOf(again.getFlashMap().get("error")))
                .startsWith("Cannot withdraw “Youth dialogue for safer neighbourhoods”: it is withdrawn")
                .doesNotContain(applicationId);
    }

    /** What a page shows a person: its text and attributes other than links and form targets, which keep their ids. */
    private String shownText(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request.with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return page.replaceAll("(href|action)=\"[^\"]*\"", "");
    }

    @Test
    void theHomePageSaysWhereToStartInPlainWords() throws Exception {
        // Messages without arguments are not MessageFormat patterns: an apostrophe there is written once.
        assertThat(mvc.perform(get("/").with(SignedIn.as(users, "focal.nairobi"))).andReturn().getResponse()
                .getContentAsString()).contains("follow your city&#39;s cases").doesNotContain("&#39;&#39;");
        assertThat(mvc.perform(get("/").with(SignedIn.as(users, "hub.eastafrica"))).andReturn().getResponse()
                .getContentAsString()).contains("Review your hub&#39;s applications").doesNotContain("&#39;&#39;");
    }

    @Test
    void anotherCityCannotSeeOrTouchTheCase() throws Exception {
        String applicationId = startDraft("focal.nairobi");
        mvc.perform(get("/city/applications/" + applicationId).with(SignedIn.as(users, "focal.sarajevo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/city/applications/" + applicationId + "/withdraw").param("reason", "x").with(csrf())
                        .with(SignedIn.as(users, "focal.sarajevo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/city").with(SignedIn.as(users, "hub.eastafrica"))).andExpect(status().isForbidden());
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        int before = events();
        mvc.perform(post("/city/applications").with(SignedIn.as(users, "focal.nairobi"))).andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
    }

    private String startDraft(String focalPoint) throws Exception {
        MvcResult created = mvc.perform(post("/city/applications").with(csrf()).with(SignedIn.as(users, focalPoint)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/city/applications/app-[0-9a-f]{8}/edit");
        return location.split("/")[3];
    }

    private String statusOf(String applicationId) {
        return jdbc.queryForObject("SELECT status FROM rm_application WHERE application_id = ?", String.class, applicationId);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    /** The page answering a draft saved as the complete application with the given fields typed otherwise. */
    private String savedWith(String applicationId, Map<String, String> typed) throws Exception {
        return mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "save")
                        .with(request -> {
                            typed.forEach(request::setParameter);
                            return request;
                        })
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The page answering a submission of the complete application with one field typed otherwise. */
    private String submittedWith(String applicationId, String field, String value) throws Exception {
        return mvc.perform(CompleteApplication.fill(post("/city/applications/" + applicationId + "/edit"), "submit")
                        .with(request -> {
                            request.setParameter(field, value);
                            return request;
                        })
                        .with(csrf()).with(SignedIn.as(users, "focal.nairobi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
