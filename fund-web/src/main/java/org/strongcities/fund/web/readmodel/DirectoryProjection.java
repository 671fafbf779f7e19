package org.strongcities.fund.web.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.DonorRegisteredEvent;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.FocalPointAddedEvent;
import org.strongcities.fund.domain.api.MemberCityRegisteredEvent;
import org.strongcities.fund.domain.api.MembershipEndedEvent;
import org.strongcities.fund.domain.api.MembershipReinstatedEvent;
import org.strongcities.fund.domain.api.MembershipSuspendedEvent;
import org.strongcities.fund.domain.api.RegionalHubRegisteredEvent;
import org.strongcities.fund.domain.api.ReportHoldLiftedEvent;
import org.strongcities.fund.domain.api.ReportHoldPlacedEvent;

import java.time.Instant;
import java.util.stream.Collectors;

/** Hubs, member cities (with their payment holds) and donors, for look-ups and screens. */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
public class DirectoryProjection {

    public static final String GROUP = "directory";

    private final JdbcTemplate jdbc;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegionalHubRegisteredEvent event) {
        jdbc.update("""
                INSERT INTO rm_hub (hub_id, name, region, host_organisation) VALUES (?, ?, ?, ?)
                ON CONFLICT (hub_id) DO NOTHING""",
                event.hubId(), event.name(), event.region().name(), event.hostOrganisation());
    }

    @EventHandler
    void on(MemberCityRegisteredEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_city (city_id, name, country_code, region, hub_id, population_band, membership, focal_points, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (city_id) DO NOTHING""",
                event.cityId(), event.name(), event.countryCode(), event.region().name(), event.hubId(),
                event.populationBand() == null ? null : event.populationBand().name(),
                event.focalPoints().stream().map(FocalPointText::of).collect(Collectors.joining("\n")),
                Instants.utc(at));
    }

    @EventHandler
    void on(FocalPointAddedEvent event) {
        String line = FocalPointText.of(event.focalPoint());
        // Idempotent: a re-delivered event finds its line already there.
        jdbc.update("""
                UPDATE rm_city SET focal_points = CASE WHEN focal_points IS NULL OR focal_points = '' THEN ?
                    ELSE focal_points || E'\\n' || ? END
                WHERE city_id = ? AND position(? in coalesce(focal_points, '')) = 0""",
                line, line, event.cityId(), line);
    }

    @EventHandler
    void on(MembershipSuspendedEvent event) {
        membership(event.cityId(), "SUSPENDED");
    }

    @EventHandler
    void on(MembershipReinstatedEvent event) {
        membership(event.cityId(), "ACTIVE");
    }

    @EventHandler
    void on(MembershipEndedEvent event) {
        membership(event.cityId(), "ENDED");
    }

    @EventHandler
    void on(ReportHoldPlacedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_city_hold (city_id, award_id, report_id, placed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", event.cityId(), event.awardId(), event.reportId(), Instants.utc(at));
    }

    @EventHandler
    void on(ReportHoldLiftedEvent event) {
        jdbc.update("DELETE FROM rm_city_hold WHERE city_id = ? AND award_id = ? AND report_id = ?",
                event.cityId(), event.awardId(), event.reportId());
    }

    @EventHandler
    void on(DonorRegisteredEvent event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_donor (donor_id, name, donor_type, country_code, iati_org_ref, registered_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (donor_id) DO NOTHING""",
                event.donorId(), event.name(), event.donorType().name(), event.countryCode(), event.iatiOrgRef(),
                Instants.utc(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_hub, rm_city, rm_city_hold, rm_donor");
    }

    private void membership(String cityId, String membership) {
        jdbc.update("UPDATE rm_city SET membership = ? WHERE city_id = ?", membership, cityId);
    }

    private static final class FocalPointText {
        static String of(FocalPoint focalPoint) {
            return focalPoint.fullName() + " <" + (focalPoint.email() == null ? "" : focalPoint.email()) + "> ("
                    + focalPoint.accountName() + ")";
        }
    }
}
