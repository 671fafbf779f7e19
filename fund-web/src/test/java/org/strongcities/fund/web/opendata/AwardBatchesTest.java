package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports read the awards a batch at a time (the whole Network does not fit in memory). Whatever
 * the batch size, the awards, their order, and their funding, tranches and refunds are the same: a
 * batch boundary between two awards made at the same instant, or inside one award's rows, loses nothing.
 */
class AwardBatchesTest extends OpenDataWebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyBatchSizeGivesTheSameAwards() {
        List<AwardRecord> oneRead = new OpenDataRepository(jdbc, 100_000).awards(Period.all()).toList();

        assertThat(oneRead).hasSizeGreaterThan(3);
        assertThat(oneRead).extracting(AwardRecord::awardId).doesNotHaveDuplicates();
        AwardRecord nairobi = oneRead.stream().filter(a -> a.awardId().equals(OpenDataFixture.PUBLIC_AWARD))
                .findFirst().orElseThrow();
        assertThat(nairobi.funding()).isNotEmpty();
        assertThat(nairobi.tranches()).anyMatch(AwardRecord.Tranche::paid);
        assertThat(nairobi.refunds()).isNotEmpty();
        for (int perBatch : new int[]{1, 2, 3, oneRead.size(), oneRead.size() - 1}) {
            assertThat(new OpenDataRepository(jdbc, perBatch).awards(Period.all()).toList())
                    .as("%d awards per batch", perBatch).isEqualTo(oneRead);
        }
    }

    @Test
    void aPeriodWithoutAwardsIsAnEmptyStream() {
        assertThat(new OpenDataRepository(jdbc, 1).awards(new Period(java.time.LocalDate.of(1990, 1, 1),
                java.time.LocalDate.of(1990, 12, 31)))).isEmpty();
    }
}
