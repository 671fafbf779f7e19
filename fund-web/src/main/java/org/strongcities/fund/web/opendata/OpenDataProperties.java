package org.strongcities.fund.web.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who publishes the open data, under which identifiers.
 *
 * <p>The defaults are PLACEHOLDERS, not registered identifiers: before the files are registered with
 * the IATI Registry or 360Giving, set {@code fund.open-data.reporting-org-ref} to the organisation
 * identifier of the body that publishes for the Management Unit (see org-id.guide; the IATI
 * identifier of each activity starts with it) and {@code fund.open-data.grant-prefix} to the
 * 360Giving prefix that 360Giving assigns to the publisher.
 *
 * @param reportingOrgRef  IATI organisation identifier of the Management Unit (reporting-org, role 3 Extending)
 * @param reportingOrgName name of the Management Unit as published
 * @param reportingOrgType IATI OrganisationType code; 21 (International NGO) fits a Network run by an NGO secretariat
 * @param grantPrefix      360Giving grant identifier prefix; grant ids are {@code <prefix>-<award>}, it must start with "360G-"
 */
@ConfigurationProperties(prefix = "fund.open-data")
public record OpenDataProperties(String reportingOrgRef, String reportingOrgName, String reportingOrgType,
                                 String grantPrefix) {

    public OpenDataProperties {
        reportingOrgRef = orDefault(reportingOrgRef, "XI-IATI-SCN-PLACEHOLDER");
        reportingOrgName = orDefault(reportingOrgName, "Strong Cities Network Management Unit");
        reportingOrgType = orDefault(reportingOrgType, "21");
        grantPrefix = orDefault(grantPrefix, "360G-SCN-TSF");
        if (!grantPrefix.startsWith("360G-")) {
            throw new IllegalArgumentException("fund.open-data.grant-prefix must start with 360G-, was " + grantPrefix);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
