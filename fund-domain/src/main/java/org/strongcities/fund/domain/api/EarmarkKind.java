package org.strongcities.fund.domain.api;

public enum EarmarkKind {
    UNRESTRICTED, REGION, PRIORITY, SUPPORT_TYPE, PURPOSE
}
