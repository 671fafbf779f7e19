package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The IATI 2.03 files against the published schemas and codelists, offline. */
class IatiExportTest extends OpenDataWebTest {

    /** OrganisationType and Sector codelists are not among the shipped codelists: the codes in use, from the IATI lists. */
    private static final Set<String> ORGANISATION_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40",
            "60", "70", "71", "72", "73", "80", "90");

    @Test
    void theActivitiesFileIsValidIatiAndEveryCodeIsOnItsCodelist() throws Exception {
        mvc.perform(get("/open-data/iati/activities.xml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"));
        String xml = download("/open-data/iati/activities.xml");

        assertThat(Standards.iatiProblems(xml, "iati-activities-schema.xsd")).isEmpty();
        Document doc = parse(xml);
        assertThat(values(doc, "//participating-org/@role")).isSubsetOf(Standards.codelist("OrganisationRole"));
        assertThat(values(doc, "//transaction-type/@code")).isSubsetOf(Standards.codelist("TransactionType"));
        assertThat(values(doc, "//activity-status/@code")).isSubsetOf(Standards.codelist("ActivityStatus"));
        assertThat(values(doc, "//activity-date/@type")).isSubsetOf(Standards.codelist("ActivityDateType"));
        assertThat(values(doc, "//budget/@type")).isSubsetOf(Standards.codelist("BudgetType"));
        assertThat(values(doc, "//budget/@status")).isSubsetOf(Standards.codelist("BudgetStatus"));
        assertThat(values(doc, "//participating-org/@type | //reporting-org/@type | //provider-org/@type | //receiver-org/@type"))
                .isSubsetOf(ORGANISATION_TYPES);
        assertThat(values(doc, "//sector/@code")).containsOnly("15220");
        assertThat(values(doc, "//sector/@vocabulary")).containsOnly("1");
        for (String currency : values(doc, "//@default-currency | //@currency")) {
            assertThat(Currency.getInstance(currency).getCurrencyCode()).isEqualTo("USD");
        }
    }

    @Test
    void anAwardIsOneActivityWithItsOrganisationsAndMoney() throws Exception {
        Document doc = parse(download("/open-data/iati/activities.xml"));
        String activity = "//iati-activity[iati-identifier='XI-IATI-SCN-PLACEHOLDER-" + OpenDataFixture.PUBLIC_AWARD + "']";

        assertThat(text(doc, activity + "/title/narrative")).isEqualTo(OpenDataFixture.PUBLIC_TITLE);
        assertThat(text(doc, activity + "/reporting-org/@ref")).isEqualTo("XI-IATI-SCN-PLACEHOLDER");
        assertThat(text(doc, activity + "/participating-org[@role='1']/@ref")).isEqualTo("US-GOV-11");
        assertThat(text(doc, activity + "/participating-org[@role='1']/@type")).isEqualTo("10");
        assertThat(text(doc, activity + "/participating-org[@role='3']/@ref")).isEqualTo("XI-IATI-SCN-PLACEHOLDER");
        assertThat(text(doc, activity + "/participating-org[@role='4']/@type")).isEqualTo("11");
        assertThat(text(doc, activity + "/participating-org[@role='4']/narrative")).isEqualTo("Nairobi");
        assertThat(text(doc, activity + "/recipient-country/@code")).isEqualTo("KE");
        assertThat(text(doc, activity + "/activity-status/@code")).isEqualTo("2");
        assertThat(values(doc, activity + "/activity-date/@type")).containsExactlyInAnyOrder("1", "2", "3");

        assertThat(amount(doc, activity + "/transaction[transaction-type/@code='11']/value")).isEqualByComparingTo("20000");
        assertThat(text(doc, activity + "/transaction[transaction-type/@code='11']/provider-org/@ref")).isEqualTo("US-GOV-11");
        assertThat(amount(doc, activity + "/transaction[transaction-type/@code='1']/value")).isEqualByComparingTo("20000");
        assertThat(amount(doc, activity + "/transaction[transaction-type/@code='2']/value")).isEqualByComparingTo("20000");
        // The paid tranche, then the refund as a negative disbursement: together what the city kept.
        assertThat(values(doc, activity + "/transaction[transaction-type/@code='3']/value"))
                .containsExactly("10000.00", "-1500.00");
        // Budgets: twelve months each, adding up to the award.
        assertThat(values(doc, activity + "/budget/value").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20000");
    }

    @Test
    void theOrganisationFileIsValidIatiAndNamesTheFundingSources() throws Exception {
        String xml = download("/open-data/iati/organisation.xml");
        assertThat(Standards.iatiProblems(xml, "iati-organisations-schema.xsd")).isEmpty();
        Document doc = parse(xml);
        assertThat(text(doc, "//organisation-identifier")).isEqualTo("XI-IATI-SCN-PLACEHOLDER");
        assertThat(values(doc, "//total-budget/budget-line/@ref")).contains("US-GOV-11", "XM-DAC-8-1", "GB-GOV-1");
        assertThat(values(doc, "//total-budget/@status")).isSubsetOf(Standards.codelist("BudgetStatus"));
        assertThat(values(doc, "//total-expenditure/value")).isNotEmpty();
    }

    @Test
    void aPeriodFiltersTheActivities() throws Exception {
        String today = LocalDate.now().toString();
        Document doc = parse(download("/open-data/iati/activities.xml?from=" + today + "&to=" + today));
        assertThat(values(doc, "//iati-identifier")).contains("XI-IATI-SCN-PLACEHOLDER-" + OpenDataFixture.PUBLIC_AWARD);
    }

    @Test
    void aBackwardsPeriodOrABadDateIsABadRequest() throws Exception {
        mvc.perform(get("/open-data/iati/activities.xml?from=2026-02-01&to=2026-01-01")).andExpect(status().isBadRequest());
        mvc.perform(get("/open-data/iati/activities.xml?from=yesterday")).andExpect(status().isBadRequest());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> values(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    static String text(Document doc, String xpath) throws Exception {
        List<String> values = values(doc, xpath);
        assertThat(values).as(xpath).hasSize(1);
        return values.get(0);
    }

    private static BigDecimal amount(Document doc, String xpath) throws Exception {
        return new BigDecimal(text(doc, xpath));
    }

}
