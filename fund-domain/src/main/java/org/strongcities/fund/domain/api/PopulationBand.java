package org.strongcities.fund.domain.api;

/** Size of a member city, used for reporting and for comparing like with like. */
public enum PopulationBand {
    UNDER_100K, FROM_100K_TO_500K, FROM_500K_TO_1M, FROM_1M_TO_5M, OVER_5M
}
