package org.strongcities.fund.domain.api;

/** The five strategic priorities that Technical Support Fund support must align with. */
public enum StrategicPriority {
    CITY_TO_CITY_INTERACTION("Increase interaction among cities"),
    NATIONAL_LOCAL_COORDINATION("Strengthen national-local coordination"),
    CITY_PREVENTION_MANDATES("Build city mandates and programmes for prevention"),
    YOUTH_ENGAGEMENT("Engage youth"),
    MAYORS_VOICES("Elevate mayors' voices nationally and internationally");

    private final String displayName;

    StrategicPriority(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
