package org.strongcities.fund.web.cases;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A complete, valid application as a city would type it into the form. */
public final class CompleteApplication {

    private CompleteApplication() {
    }

    public static MockHttpServletRequestBuilder fill(MockHttpServletRequestBuilder request, String action) {
        return request.param("action", action)
                .param("title", "Youth dialogue for safer neighbourhoods")
                .param("summary", "Monthly dialogues between young people, police and ward leaders.")
                .param("priorities", "YOUTH_ENGAGEMENT", "NATIONAL_LOCAL_COORDINATION")
                .param("supportType", "COMMUNITY_YOUTH_ENGAGEMENT")
                .param("requestedAmount", "20000").param("currency", "USD")
                .param("budgetLines[0].first", "Facilitation").param("budgetLines[0].second", "12000")
                .param("budgetLines[1].first", "Venues and travel").param("budgetLines[1].second", "8000")
                .param("timelineStart", "2027-01-01").param("timelineEnd", "2027-12-31")
                .param("objectives", "Build trust between youth and local institutions.")
                .param("indicators[0].first", "Dialogues held").param("indicators[0].second", "0")
                .param("indicators[0].third", "12")
                .param("risks", "Low turnout; mitigated with youth-led outreach.")
                .param("doNoHarm", "No names recorded; venues chosen with participants.");
    }
}
