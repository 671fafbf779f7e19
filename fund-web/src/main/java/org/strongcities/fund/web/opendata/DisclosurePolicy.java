package org.strongcities.fund.web.opendata;

import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What of an award may be published: the one place that applies "do no harm". Every export builds
 * its records from {@link #publish(AwardRecord)} and never reads the raw record's narrative.
 *
 * <p>For an application flagged sensitive only the region, the strategic priorities and the
 * amounts are published. Withheld: the city (name, id and country, since in many countries the
 * Network has one member city, so the country identifies it), the title, the summary, the support
 * type, and the award id itself (ids are chosen by people and may carry a city name): the public id
 * is a stable hash of the award id instead.
 */
public final class DisclosurePolicy {

    private DisclosurePolicy() {
    }

    /** An award as it may be shown to the public. Fields that are withheld are null. */
    public record PublicAward(
            AwardRecord source,
            boolean withheld,
            String publicId,
            String title,
            String description,
            String recipientId,
            String recipientName,
            String countryCode,
            String regionCode,
            String regionName,
            List<String> priorityNames) {
    }

    public static PublicAward publish(AwardRecord award) {
        String regionName = regionName(award.region());
        List<String> priorities = award.priorities().stream().map(DisclosurePolicy::priorityName).toList();
        String priorityText = priorities.isEmpty() ? "" : " Strategic priorities: " + String.join("; ", priorities) + ".";
        if (award.sensitive()) {
            String publicId = "w" + shortHash(award.awardId());
            return new PublicAward(award, true, publicId,
                    "Technical Support Fund activity, " + regionName,
                    "Technical support to a member city in " + regionName
                            + ". Details are withheld because the case touches sensitive security topics." + priorityText,
                    "withheld-" + publicId, "Member city in " + regionName, null, award.region(), regionName, priorities);
        }
        String title = blankTo(award.title(), "Technical Support Fund activity, " + award.cityName());
        String summary = blankTo(award.summary(), title);
        String support = award.supportType() == null ? "" : " Support: " + supportName(award.supportType()) + ".";
        return new PublicAward(award, false, award.awardId(), title, summary + support + priorityText,
                award.cityId(), award.cityName(), award.countryCode(), award.region(), regionName, priorities);
    }

    static String regionName(String region) {
        try {
            return Region.valueOf(region).displayName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return region == null ? "an unnamed region" : region;
        }
    }

    private static String priorityName(String priority) {
        try {
            return StrategicPriority.valueOf(priority).displayName();
        } catch (IllegalArgumentException unknown) {
            return priority;
        }
    }

    private static String supportName(String supportType) {
        try {
            return SupportType.valueOf(supportType).displayName();
        } catch (IllegalArgumentException unknown) {
            return supportType.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
