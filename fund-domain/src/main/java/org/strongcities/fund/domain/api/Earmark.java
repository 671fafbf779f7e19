package org.strongcities.fund.domain.api;

import java.util.Locale;

/**
 * What a donor restricted a contribution to. The value is the name of a Region, StrategicPriority
 * or SupportType, or the free-text purpose (for example "launch of a new hub"); null when unrestricted.
 */
public record Earmark(EarmarkKind kind, String value) {

    public Earmark {
        BusinessRuleViolation.require(kind != null, "An earmark needs a kind: unrestricted, region, priority, support type or purpose");
        if (kind == EarmarkKind.UNRESTRICTED) {
            value = null;
        } else {
            BusinessRuleViolation.requireLine(value, "An earmark by " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " needs a value");
            try {
                switch (kind) {
                    case REGION -> Region.valueOf(value);
                    case PRIORITY -> StrategicPriority.valueOf(value);
                    case SUPPORT_TYPE -> SupportType.valueOf(value);
                    default -> { }
                }
            } catch (IllegalArgumentException unknown) {
                throw new BusinessRuleViolation("Unknown " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + value + "' in earmark");
            }
        }
    }

    public static Earmark unrestricted() {
        return new Earmark(EarmarkKind.UNRESTRICTED, null);
    }

    public static Earmark region(Region region) {
        return new Earmark(EarmarkKind.REGION, region.name());
    }

    public static Earmark priority(StrategicPriority priority) {
        return new Earmark(EarmarkKind.PRIORITY, priority.name());
    }

    public static Earmark supportType(SupportType supportType) {
        return new Earmark(EarmarkKind.SUPPORT_TYPE, supportType.name());
    }

    public static Earmark purpose(String purpose) {
        return new Earmark(EarmarkKind.PURPOSE, purpose);
    }

    /** "earmarked for West Africa", as used in messages and reports. */
    public String describe() {
        return switch (kind) {
            case UNRESTRICTED -> "unrestricted";
            case REGION -> "earmarked for " + Region.valueOf(value).displayName();
            case PRIORITY -> "earmarked for " + StrategicPriority.valueOf(value).displayName();
            case SUPPORT_TYPE -> "earmarked for " + SupportType.valueOf(value).displayName();
            case PURPOSE -> "earmarked for " + value;
        };
    }
}
