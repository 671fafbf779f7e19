package org.strongcities.fund.domain.api;

/** The typical kinds of support the Technical Support Fund gives. */
public enum SupportType {
    DATA_ANALYSIS_RESEARCH("Data, analysis and research"),
    COMMUNITY_YOUTH_ENGAGEMENT("Community and youth engagement"),
    RISK_NEEDS_ASSESSMENT("Risk and needs assessment"),
    INTERVENTION_DESIGN_DELIVERY("Design and delivery of interventions"),
    REHABILITATION_REINTEGRATION("Rehabilitation and reintegration"),
    STRATEGIC_COMMUNICATIONS("Strategic communications"),
    MONITORING_EVALUATION("Monitoring and evaluation"),
    LOCAL_PREVENTION_FRAMEWORK("Local prevention framework or action plan"),
    TRAINING_CAPACITY_BUILDING("Tailored training and capacity building"),
    LOCAL_INNOVATION_GRANT("Local innovation grant");

    private final String displayName;

    SupportType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
