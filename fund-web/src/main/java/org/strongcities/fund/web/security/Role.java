package org.strongcities.fund.web.security;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Stored authorities ("ROLE_FINANCE_OFFICER", several joined by commas, as in an event's actorRole)
     * in words: "Finance officer"; anything that is not a role as stored.
     */
    public static String labelsOf(String authorities) {
        if (authorities == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (String authority : authorities.split(",")) {
            String name = authority.trim().replaceFirst("^ROLE_", "");
            try {
                labels.add(Role.valueOf(name).label());
            } catch (IllegalArgumentException notARole) {
                labels.add(name);
            }
        }
        return String.join(", ", labels);
    }

    /** The Spring Security authority, so that {@code hasRole('FINANCE_OFFICER')} reads like the domain. */
    public String authority() {
        return "ROLE_" + name();
    }
}
