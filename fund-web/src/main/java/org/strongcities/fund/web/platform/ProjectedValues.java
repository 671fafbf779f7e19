package org.strongcities.fund.web.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Figures computed from the read models (fund totals, balances per contribution), kept until a
 * projection moves on. Sums over every ledger line and award are the slow part of the finance and
 * public pages at the Network's full size, and they change only when an event is projected; between
 * events every request would compute the same numbers again.
 *
 * <p>The version is read from the token table, so it is the same on every node and changes the
 * moment any tracking projection commits progress, here or elsewhere. A value is stored under the
 * version read <em>before</em> computing it: if a projection moves during the computation, the next
 * request sees a new version and computes again, so a value is never older than the version it is
 * served under. Nothing is cached across a change; a person who has just recorded a receipt (and
 * waited for {@link ReadModels#awaitCaughtUp()}) always sees it.
 */
@Component
public class ProjectedValues {

    private record Entry(String version, Object value) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ProjectedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        String version = version();
        Entry entry = entries.get(key);
        if (entry != null && entry.version().equals(version)) {
            return (T) entry.value();
        }
        T value = compute.get();
        entries.put(key, new Entry(version, value));
        return value;
    }

    /** Every tracking projection's position, as stored: a few rows, read in well under a millisecond. */
    String version() {
        return jdbc.queryForObject("""
                SELECT coalesce(string_agg(processorname || '/' || segment || '/' || coalesce(md5(token), '-'), ','
                                           ORDER BY processorname, segment), '')
                FROM tokenentry""", String.class);
    }
}
