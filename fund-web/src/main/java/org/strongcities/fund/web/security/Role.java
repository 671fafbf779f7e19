package org.strongcities.fund.web.security;

/** What a signed-in person may do; the scope column of an account says for which city, hub or donor. */
public enum Role {
    CITY_FOCAL_POINT("City focal point"),
    HUB_REVIEWER("Regional Hub reviewer"),
    HUB_LEAD("Regional Hub lead"),
    CENTRAL_REVIEWER("Central Team reviewer"),
    FINANCE_OFFICER("Finance officer"),
    FINANCE_APPROVER("Finance approver"),
    DONOR("Donor"),
    ADMINISTRATOR("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, so that {@code hasRole('FINANCE_OFFICER')} reads like the domain. */
    public String authority() {
        return "ROLE_" + name();
    }
}
