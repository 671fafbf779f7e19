package org.strongcities.fund.domain.api;

/** The criteria every reviewer scores from 1 (weak) to 5 (strong). */
public enum ReviewCriterion {
    ALIGNMENT("Alignment with the strategic priorities"),
    NEED("Need"),
    FEASIBILITY("Feasibility"),
    VALUE_FOR_MONEY("Value for money"),
    SUSTAINABILITY_AND_HUB_COORDINATION("Sustainability and hub coordination"),
    DO_NO_HARM("Do no harm");

    private final String displayName;

    ReviewCriterion(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
