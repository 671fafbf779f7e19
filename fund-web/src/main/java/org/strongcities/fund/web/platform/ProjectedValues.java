package org.strongcities.fund.web.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figures computed from the read models (fund totals, balances per contribution, the rendered
 * sections of {@link SharedSections}), kept until a projection moves on. Sums over every ledger line
 * and award are the slow part of the finance and public pages at the Network's full size, and they
 * change only when an event is projected; between events every request would compute the same
 * numbers again.
 *
 * <p>The version is read from the token table, so it is the same on every node and changes the
 * moment any tracking projection commits progress, here or elsewhere. A value is stored under the
 * version read <em>before</em> computing it: if a projection moves during the computation, the next
 * request sees a new version and computes again, so a value is never older than the version it is
 * served under. Nothing is cached across a change; a person who has just recorded a receipt (and
 * waited for {@link ReadModels#awaitCaughtUp()}) always sees it.
 *
 * <p>A GET request reads the version once, so that every figure of one page comes from one moment
 * and the page pays for one read. Other requests read it each time: a POST that stores something and
 * then shows figures must see its own change.
 *
 * <p>The entries are bounded (some keys hold a page number), least recently used first out.
 */
@Component
public class ProjectedValues {

    static final int MAX_ENTRIES = 64;
    private static final String REQUEST_VERSION = ProjectedValues.class.getName() + ".version";

    private record Entry(String version, Object value) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Entry> entries = new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public ProjectedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        String version = version();
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.version().equals(version)) {
            return (T) entry.value();
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Entry(version, value));
        }
        return value;
    }

    private String version() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean once = request instanceof ServletRequestAttributes servlet && "GET".equals(servlet.getRequest().getMethod());
        if (once && request.getAttribute(REQUEST_VERSION, RequestAttributes.SCOPE_REQUEST) instanceof String read) {
            return read;
        }
        String version = readVersion();
        if (once) {
            request.setAttribute(REQUEST_VERSION, version, RequestAttributes.SCOPE_REQUEST);
        }
        return version;
    }

    /** Every tracking projection's position, as stored: a few rows, read in well under a millisecond. */
    private String readVersion() {
        return jdbc.queryForObject("""
                SELECT coalesce(string_agg(processorname || '/' || segment || '/' || coalesce(md5(token), '-'), ','
                                           ORDER BY processorname, segment), '')
                FROM tokenentry""", String.class);
    }
}
