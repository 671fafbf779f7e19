package org.strongcities.fund.domain.api;

public enum ReviewStage {
    HUB, CENTRAL
}
