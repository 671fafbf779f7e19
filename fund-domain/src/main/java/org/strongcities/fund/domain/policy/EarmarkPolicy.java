package org.strongcities.fund.domain.policy;

import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;

/** A donor's restriction is honoured: earmarked money only pays for cases that match the earmark. */
public final class EarmarkPolicy {

    private EarmarkPolicy() {
    }

    public static boolean fits(Earmark earmark, CaseProfile caseProfile) {
        return switch (earmark.kind()) {
            case UNRESTRICTED -> true;
            case REGION -> Region.valueOf(earmark.value()) == caseProfile.region();
            case PRIORITY -> caseProfile.priorities().contains(StrategicPriority.valueOf(earmark.value()));
            case SUPPORT_TYPE -> SupportType.valueOf(earmark.value()) == caseProfile.supportType();
            case PURPOSE -> earmark.value().equalsIgnoreCase(caseProfile.purpose() == null ? "" : caseProfile.purpose().trim());
        };
    }
}
