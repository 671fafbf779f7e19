package org.strongcities.fund.web.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.finance.FundedActivity;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Hubs, member cities and donors as the directory read model has them, for the admin lists and choices. */
@Component
class Directory {

    public record Hub(String hubId, String name, String region, String hostOrganisation) {

        public String regionName() {
            return FundedActivity.regionName(region);
        }
    }

    public record City(String cityId, String name, String countryCode, String region, String hubId, String hubName,
                String populationBand, String membership, String focalPoints, Instant registeredAt) {

        public String regionName() {
            return FundedActivity.regionName(region);
        }

        public List<String> focalPointLines() {
            return focalPoints == null || focalPoints.isBlank() ? List.of() : List.of(focalPoints.split("\n"));
        }

        /** True when the login is named as one of the city's focal points ("Name <mail> (login)"). */
        public boolean hasFocalPoint(String accountName) {
            return focalPointLines().stream().anyMatch(line -> line.endsWith("(" + accountName + ")"));
        }
    }

    public record Donor(String donorId, String name, String donorType, String countryCode, String iatiOrgRef,
                 Instant registeredAt) {
    }

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Hub> hubs() {
        return jdbc.query("SELECT * FROM rm_hub ORDER BY name", (rs, row) -> new Hub(rs.getString("hub_id"),
                rs.getString("name"), rs.getString("region"), rs.getString("host_organisation")));
    }

    Optional<Hub> hub(String hubId) {
        return hubs().stream().filter(hub -> hub.hubId().equals(hubId)).findFirst();
    }

    List<City> cities() {
        return cities("", new Object[0]);
    }

    Optional<City> city(String cityId) {
        return cities(" WHERE c.city_id = ?", new Object[]{cityId}).stream().findFirst();
    }

    private List<City> cities(String where, Object[] arguments) {
        return jdbc.query("""
                SELECT c.*, h.name AS hub_name FROM rm_city c LEFT JOIN rm_hub h ON h.hub_id = c.hub_id""" + where
                        + " ORDER BY c.name",
                (rs, row) -> new City(rs.getString("city_id"), rs.getString("name"), rs.getString("country_code"),
                        rs.getString("region"), rs.getString("hub_id"), rs.getString("hub_name"),
                        rs.getString("population_band"), rs.getString("membership"), rs.getString("focal_points"),
                        rs.getTimestamp("registered_at").toInstant()), arguments);
    }

    List<Donor> donors() {
        return jdbc.query("SELECT * FROM rm_donor ORDER BY name", (rs, row) -> new Donor(rs.getString("donor_id"),
                rs.getString("name"), rs.getString("donor_type"), rs.getString("country_code"),
                rs.getString("iati_org_ref"), rs.getTimestamp("registered_at").toInstant()));
    }

    Optional<Donor> donor(String donorId) {
        return donors().stream().filter(donor -> donor.donorId().equals(donorId)).findFirst();
    }

    /** "Medellín" → "city-medellin": readable ids like the demo's, unique within their kind. */
    static String idFor(String prefix, String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return prefix + "-" + slug;
    }
}
