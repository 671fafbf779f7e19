package org.strongcities.fund.domain.api;

/** The regions in which the Network works, each coordinated by a Regional Hub. */
public enum Region {
    MIDDLE_EAST_NORTH_AFRICA("Middle East & North Africa"),
    EAST_SOUTHERN_AFRICA("East & Southern Africa"),
    WEST_AFRICA("West Africa"),
    WESTERN_BALKANS("Western Balkans"),
    CENTRAL_ASIA("Central Asia"),
    SOUTH_ASIA("South Asia"),
    SOUTHEAST_ASIA("Southeast Asia"),
    EUROPE("Europe"),
    NORTH_AMERICA("North America"),
    LATIN_AMERICA_CARIBBEAN("Latin America & Caribbean"),
    OCEANIA("Oceania");

    private final String displayName;

    Region(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
