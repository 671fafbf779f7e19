package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * IATI asks for at least one iati-activity and the 360Giving package for at least one grant, so a
 * file of a period without awards cannot be valid. Such a period is answered 404 with a page that
 * says there is nothing to publish and where to go instead, never with an invalid file; a period
 * with awards still gives files that pass their schemas.
 */
class NothingToPublishTest extends OpenDataWebTest {

    private static final String EMPTY_PERIOD = "?from=1990-01-01&to=1990-12-31";

    @Test
    void aPeriodWithoutAwardsIsNotFoundWithAPageThatSaysWhatToDo() throws Exception {
        for (String file : new String[]{"/open-data/iati/activities.xml", "/open-data/360giving/grants.json",
                "/open-data/360giving/grants.csv"}) {
            String page = notFound(file + EMPTY_PERIOD);
            assertThat(page).as(file).contains("Nothing to publish for this period")
                    .contains("No award was made between 1990-01-01 and 1990-12-31")
                    .contains("Choose another period")
                    .contains("href=\"/open-data\"")
                    // The awards exist, only not in this period: offer the file of every award.
                    .contains("href=\"" + file + "\"");
        }
    }

    @Test
    void anOpenEndedPeriodWithoutAwardsSaysWhichDaysItCovered() throws Exception {
        assertThat(notFound("/open-data/iati/activities.xml?to=1990-12-31")).contains("No award was made on or before 1990-12-31");
        assertThat(notFound("/open-data/360giving/grants.json?from=9000-01-01")).contains("No award was made on or after 9000-01-01");
    }

    /** A client that asked for XML is still told, in a page, rather than given an empty file. */
    @Test
    void aClientThatAsksForTheFileTypeGetsTheSameAnswer() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/open-data/iati/activities.xml" + EMPTY_PERIOD)
                .accept(MediaType.APPLICATION_XML)).andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<iati-activities")
                .contains("Nothing to publish for this period");
        assertThat(controllerPermitsAreAllBack()).isTrue();
    }

    @Test
    void aPeriodWithAwardsStillGivesValidFiles() throws Exception {
        String today = LocalDate.now().toString();
        String period = "?from=" + today + "&to=" + today;

        String activities = download("/open-data/iati/activities.xml" + period);
        assertThat(Standards.iatiProblems(activities, "iati-activities-schema.xsd")).isEmpty();
        assertThat(activities).contains("XI-IATI-SCN-PLACEHOLDER-" + OpenDataFixture.PUBLIC_AWARD);

        String grants = download("/open-data/360giving/grants.json" + period);
        assertThat(Standards.givingProblems(grants)).isEmpty();
        assertThat(grants).contains("360G-SCN-TSF-" + OpenDataFixture.PUBLIC_AWARD);

        assertThat(download("/open-data/360giving/grants.csv" + period).split("\r\n")).hasSizeGreaterThan(1);
    }

    /** The organisation file describes the publisher, which exists whether or not it made awards: it stays valid. */
    @Test
    void theOrganisationFileOfAPeriodWithoutAwardsIsStillPublished() throws Exception {
        String organisation = download("/open-data/iati/organisation.xml" + EMPTY_PERIOD);
        assertThat(Standards.iatiProblems(organisation, "iati-organisations-schema.xsd")).isEmpty();
        assertThat(organisation).doesNotContain("<total-budget");
    }

    @Test
    void theOpenDataPageLinksTheFilesWhileThereAreAwards() throws Exception {
        String page = download("/open-data");
        assertThat(page).contains("href=\"/open-data/iati/activities.xml\"").contains("href=\"/open-data/360giving/grants.json\"")
                .contains("href=\"/open-data/360giving/grants.csv\"").doesNotContain("No award has been made yet");
    }

    /** Whoever else calls the writers cannot get an invalid file out of them either. */
    @Test
    void theWritersRefuseToWriteAFileWithoutAwards() {
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> context.getBean(IatiWriter.class).activities(Stream.empty(), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one iati-activity");
        assertThatThrownBy(() -> context.getBean(GrantsWriter.class).json(Stream.empty(), Period.all(), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one grant");
        assertThatThrownBy(() -> context.getBean(GrantsWriter.class).csv(Stream.empty(), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one grant");
        assertThat(out.toString()).isEmpty();
    }

    private String notFound(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andExpect(status().isNotFound()).andReturn().getResponse();
        assertThat(response.getContentType()).as(url).startsWith("text/html");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean controllerPermitsAreAllBack() {
        return context.getBean(OpenDataController.class).filesAtOnce.availablePermits() == OpenDataController.FILES_AT_ONCE;
    }
}
