package org.strongcities.fund.web.tasks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.process.CityDirectory;

/**
 * Answers the processes from the directory read model, which is a subscribing projection and so
 * always current within the transaction that asks.
 */
@Component
class DirectoryOfCities implements CityDirectory {

    private final JdbcTemplate jdbc;

    DirectoryOfCities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CityStanding standing(String cityId) {
        return jdbc.query("""
                        SELECT c.hub_id, c.membership = 'ACTIVE' AS active,
                               EXISTS (SELECT 1 FROM rm_city_hold h WHERE h.city_id = c.city_id) AS on_hold
                        FROM rm_city c WHERE c.city_id = ?""",
                (rs, row) -> new CityStanding(rs.getString("hub_id"), rs.getBoolean("active"), rs.getBoolean("on_hold")),
                cityId).stream().findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("City " + cityId + " is not a registered member city"));
    }
}
