package org.strongcities.fund.domain;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregates of one type kept between commands, the most recently used first, and used only
 * while the event store holds no newer event for them.
 * <p>
 * Without a cache every command read and deserialised its aggregate's whole stream: a third of the
 * CPU of a draft save. Axon's caches trust their entries, which is only right for a single writer.
 * With several nodes on one database (or events appended below the aggregates, as an import does),
 * another writer may have appended since; a command decided on that stale state would be refused by
 * a rule it does not break, or collide on the (aggregate, sequence) key. So each use of an entry asks
 * the store for the aggregate's last sequence number first: one index lookup instead of the stream.
 * <p>
 * Axon's repository holds the aggregate's lock around every read and write of its entry, and drops
 * the entry when the command's unit of work rolls back, so an entry never carries a change that was
 * not stored.
 */
public final class CheckedAggregateCache implements Cache {

    private final Supplier<EventStore> events;
    private final Map<Object, Object> entries;

    public CheckedAggregateCache(Supplier<EventStore> events, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The cache must hold at least one aggregate, not " + capacity);
        }
        this.events = events;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || isCurrent(key, entry)) {
            return (V) entry;
        }
        synchronized (entries) {
            entries.remove(key, entry);
        }
        return null;
    }

    /**
     * An entry made by this JVM still holds the aggregate it was made from; asking it to recreate that
     * aggregate hands it back without needing the parts a deserialised entry would (hence the nulls).
     */
    private boolean isCurrent(Object key, Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> aggregateEntry)) {
            return false;
        }
        Long cached = aggregateEntry.recreateAggregate(null, null, null, null).version();
        return Objects.equals(cached, events.get().lastSequenceNumberFor(key.toString()).orElse(null));
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
        }
    }

    /** Nothing in Axon's repositories listens to a cache; a component that did would need expiry events this cache never has. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache sends no entry events");
    }
}
