package org.strongcities.fund.domain.api;

public enum DonorType {
    GOVERNMENT, CITY, FUND, PRIVATE_SECTOR, MULTILATERAL
}
