package org.strongcities.fund.web.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Facts a projection learnt from recent events and would otherwise read back from its own tables:
 * a read in the middle of a batch must first send the batch's queued writes ({@link BatchedWrites}),
 * which costs the round trips the queue saves. Bounded: the least recently used fact is forgotten,
 * and a forgotten one is read from the table. Shared by a group's segments, so synchronized.
 */
final class RecentFacts<K, V> {

    private final Map<K, V> facts;

    RecentFacts(int capacity) {
        this.facts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(K key, V value) {
        facts.put(key, value);
    }

    /** The remembered fact, else the one {@code fromTable} reads: remembered, unless the table lacks it (null). */
    V recall(K key, Function<K, V> fromTable) {
        synchronized (this) {
            V remembered = facts.get(key);
            if (remembered != null) {
                return remembered;
            }
        }
        V read = fromTable.apply(key);
        if (read != null) {
            remember(key, read);
        }
        return read;
    }

    synchronized void clear() {
        facts.clear();
    }
}
