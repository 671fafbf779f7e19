package org.strongcities.fund.web.readmodel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFactsTest {

    @Test
    void aFactIsReadOnceThenRememberedUntilTheLeastRecentlyUsedMakesRoom() {
        RecentFacts<String, String> facts = new RecentFacts<>(2);
        AtomicInteger reads = new AtomicInteger();
        facts.remember("award-1", "app-1");
        facts.remember("award-2", "app-2");
        assertThat(facts.recall("award-1", key -> "read")).isEqualTo("app-1");
        facts.remember("award-3", "app-3");

        assertThat(facts.recall("award-2", key -> "app-2 read " + reads.incrementAndGet())).isEqualTo("app-2 read 1");
        assertThat(facts.recall("award-2", key -> "app-2 read " + reads.incrementAndGet())).isEqualTo("app-2 read 1");
    }

    @Test
    void aFactTheTableLacksIsNotRemembered() {
        RecentFacts<String, String> facts = new RecentFacts<>(2);
        assertThat(facts.recall("award-9", key -> null)).isNull();
        assertThat(facts.recall("award-9", key -> "app-9")).isEqualTo("app-9");
    }
}
