package org.strongcities.fund.web.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 360Giving package against the published schemas, offline, and the CSV beside it. */
class GivingExportTest extends OpenDataWebTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theGrantsPackageIsValid360Giving() throws Exception {
        mvc.perform(get("/open-data/360giving/grants.json")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"));
        String body = download("/open-data/360giving/grants.json");

        assertThat(Standards.givingProblems(body)).isEmpty();
        JsonNode grant = grant(json.readTree(body), OpenDataFixture.PUBLIC_AWARD);
        assertThat(grant.get("title").asText()).isEqualTo(OpenDataFixture.PUBLIC_TITLE);
        assertThat(grant.get("currency").asText()).isEqualTo("USD");
        assertThat(grant.get("amountAwarded").decimalValue()).isEqualByComparingTo("20000");
        assertThat(grant.get("amountDisbursed").decimalValue()).isEqualByComparingTo("8500");
        assertThat(grant.at("/recipientOrganization/0/name").asText()).isEqualTo("Nairobi");
        assertThat(grant.at("/recipientOrganization/0/id").asText()).isEqualTo("360G-SCN-TSF-city-nairobi");
        assertThat(grant.at("/fundingOrganization/0/id").asText()).isEqualTo("XI-IATI-SCN-PLACEHOLDER");
        assertThat(grant.at("/beneficiaryLocation/0/countryCode").asText()).isEqualTo("KE");
        assertThat(grant.at("/plannedDates/0/endDate").asText()).isNotBlank();
    }

    @Test
    void aSchemaViolationIsCaughtSoTheCheckAboveMeansSomething() throws Exception {
        String body = download("/open-data/360giving/grants.json");
        String broken = body.replace("\"360G-SCN-TSF-" + OpenDataFixture.PUBLIC_AWARD + "\"", "42");
        assertThat(Standards.givingProblems(broken)).isNotEmpty();
    }

    @Test
    void theCsvHasThe360GivingColumnsAndCannotRunFormulas() throws Exception {
        mvc.perform(get("/open-data/360giving/grants.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        String csv = download("/open-data/360giving/grants.csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\"Identifier\",\"Title\",\"Description\",\"Currency\",\"Amount Awarded\"")
                .contains("\"Recipient Org:Identifier\",\"Recipient Org:Name\",\"Funding Org:Identifier\",\"Funding Org:Name\"")
                .contains("\"Planned Dates:Start Date\",\"Planned Dates:End Date\"")
                .contains("\"Beneficiary Location:Name\",\"Beneficiary Location:Country Code\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")
                .contains("\"'+SUM(A1:A9)")
                .doesNotContain(",\"=").doesNotContain(",\"+");
        assertThat(Csv.cell("-1500.00")).isEqualTo("\"-1500.00\"");
        assertThat(Csv.cell("-cmd|' /C calc'!A0")).startsWith("\"'-");
        assertThat(Csv.cell("@SUM(1)")).startsWith("\"'@");
    }

    private static JsonNode grant(JsonNode root, String awardId) {
        for (JsonNode grant : root.get("grants")) {
            if (grant.get("id").asText().equals("360G-SCN-TSF-" + awardId)) {
                return grant;
            }
        }
        throw new AssertionError("No grant for award " + awardId);
    }
}
