package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strongcities.fund.web.opendata.IatiExportTest.parse;
import static org.strongcities.fund.web.opendata.IatiExportTest.text;
import static org.strongcities.fund.web.opendata.IatiExportTest.values;

/**
 * The publisher's identifier and name come from the environment (FUND_IATI_ORG_REF, FUND_IATI_ORG_NAME,
 * as application.yml documents), and every place that names the publisher uses them, activity
 * identifiers included, while the files stay valid IATI 2.03.
 */
@TestPropertySource(properties = {"FUND_IATI_ORG_REF=GB-CHC-1234567", "FUND_IATI_ORG_NAME=SCN Secretariat"})
class IatiPublisherSettingTest extends OpenDataWebTest {

    @Test
    void theConfiguredOrganisationPublishesEveryActivityAndTheOrganisationFile() throws Exception {
        String activities = download("/open-data/iati/activities.xml");
        assertThat(Standards.iatiProblems(activities, "iati-activities-schema.xsd")).isEmpty();
        assertThat(activities).doesNotContain("PLACEHOLDER");
        Document doc = parse(activities);
        String activity = "//iati-activity[iati-identifier='GB-CHC-1234567-" + OpenDataFixture.PUBLIC_AWARD + "']";
        assertThat(text(doc, activity + "/reporting-org/@ref")).isEqualTo("GB-CHC-1234567");
        assertThat(text(doc, activity + "/reporting-org/narrative")).isEqualTo("SCN Secretariat");
        assertThat(text(doc, activity + "/participating-org[@role='3']/@ref")).isEqualTo("GB-CHC-1234567");
        assertThat(values(doc, "//iati-identifier")).allMatch(id -> id.startsWith("GB-CHC-1234567-"));

        String organisation = download("/open-data/iati/organisation.xml");
        assertThat(Standards.iatiProblems(organisation, "iati-organisations-schema.xsd")).isEmpty();
        Document org = parse(organisation);
        assertThat(text(org, "//organisation-identifier")).isEqualTo("GB-CHC-1234567");
        assertThat(text(org, "//iati-organisation/name/narrative")).isEqualTo("SCN Secretariat");
    }
}
