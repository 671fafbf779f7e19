package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.web.FundApplication;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fund that has not made an award yet (a new installation, no demo data) has no activity or
 * grants file to publish: the downloads say so and the open-data page shows that instead of links
 * that lead nowhere. Its own application, because the shared one always holds awards.
 */
class NoAwardsYetTest {

    @Test
    void beforeTheFirstAwardThereIsNothingToPublishAndThePageSaysSo() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FundApplication.class)
                // Command-line arguments: builder properties would rank below application.yml.
                .run("--server.port=0", "--fund.data-dir=" + ApplicationTest.freshDataDirectory("no-awards"),
                        "--fund.demo=false")) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity()).build();

            for (String file : new String[]{"/open-data/iati/activities.xml", "/open-data/360giving/grants.json",
                    "/open-data/360giving/grants.csv"}) {
                MockHttpServletResponse response = mvc.perform(get(file)).andExpect(status().isNotFound())
                        .andReturn().getResponse();
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(file)
                        .contains("Nothing to publish yet")
                        .contains("The fund has not made an award yet")
                        // No link back to the same empty file.
                        .doesNotContain("href=\"" + file + "\"");
            }

            String organisation = mvc.perform(get("/open-data/iati/organisation.xml")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(Standards.iatiProblems(organisation, "iati-organisations-schema.xsd")).isEmpty();

            String page = mvc.perform(get("/open-data")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("No award has been made yet")
                    .doesNotContain("href=\"/open-data/iati/activities.xml\"")
                    .doesNotContain("href=\"/open-data/360giving/grants.json\"")
                    .doesNotContain("href=\"/open-data/360giving/grants.csv\"")
                    .contains("href=\"/open-data/iati/organisation.xml\"");
        }
    }
}
