package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.strongcities.fund.web.opendata.DisclosurePolicy.PublicAward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Do no harm: a sensitive case publishes region, priorities and amounts only, in every export. */
class SensitiveCaseTest extends OpenDataWebTest {

    private static AwardRecord award(boolean sensitive) {
        return new AwardRecord("award-sarajevo-7", "app-7", "Returnees in Sarajevo", "Families by name", sensitive,
                "city-sarajevo", "Sarajevo", "BA", "WESTERN_BALKANS", List.of("YOUTH_ENGAGEMENT"), "REHABILITATION_REINTEGRATION",
                new BigDecimal("20000.00"), "ACTIVE", null, Instant.parse("2026-03-01T10:00:00Z"), null, List.of(), List.of(), List.of());
    }

    @Test
    void thePolicyWithholdsEverythingButRegionPrioritiesAndAmount() {
        PublicAward published = DisclosurePolicy.publish(award(true));
        assertThat(published.withheld()).isTrue();
        assertThat(published.title()).isEqualTo("Technical Support Fund activity, Western Balkans");
        assertThat(published.recipientName()).isEqualTo("Member city in Western Balkans");
        assertThat(published.countryCode()).isNull();
        assertThat(published.regionName()).isEqualTo("Western Balkans");
        assertThat(published.description()).contains("Engage youth").doesNotContain("Rehabilitation");
        assertThat(String.join("|", published.publicId(), published.title(), published.description(), published.recipientId(),
                published.recipientName())).doesNotContainIgnoringCase("sarajevo").doesNotContain("Families").doesNotContain("BA");
        assertThat(published.source().amountUsd()).isEqualByComparingTo("20000");
        assertThat(published.publicId()).isEqualTo(DisclosurePolicy.publish(award(true)).publicId());
    }

    @Test
    void anOrdinaryCaseIsPublishedInFull() {
        PublicAward published = DisclosurePolicy.publish(award(false));
        assertThat(published.withheld()).isFalse();
        assertThat(published.title()).isEqualTo("Returnees in Sarajevo");
        assertThat(published.recipientName()).isEqualTo("Sarajevo");
        assertThat(published.countryCode()).isEqualTo("BA");
        assertThat(published.publicId()).isEqualTo("award-sarajevo-7");
    }

    @Test
    void noExportNamesTheSensitiveCaseOrItsCity() throws Exception {
        List<String> exports = List.of(download("/open-data/iati/activities.xml"), download("/open-data/iati/organisation.xml"),
                download("/open-data/360giving/grants.json"), download("/open-data/360giving/grants.csv"));
        for (String export : exports) {
            assertThat(export).doesNotContain(OpenDataFixture.SENSITIVE_TITLE).doesNotContain(OpenDataFixture.SENSITIVE_SUMMARY)
                    .doesNotContain("Skopje").doesNotContain(OpenDataFixture.SENSITIVE_CITY).doesNotContain(OpenDataFixture.SENSITIVE_AWARD)
                    .doesNotContain(OpenDataFixture.SENSITIVE_APPLICATION).doesNotContain("\"MK\"").doesNotContain("code=\"MK\"");
        }
        // Yet the sensitive award is published: as an activity in its region, with its amount.
        assertThat(exports.get(0)).contains("Technical Support Fund activity, Western Balkans")
                .contains("vocabulary=\"99\"").contains("code=\"WESTERN_BALKANS\"");
        assertThat(exports.get(2)).contains("Member city in Western Balkans");
    }
}
