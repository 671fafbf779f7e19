package org.strongcities.fund.web.benchmark;

import org.junit.jupiter.api.Test;

/** The entry point surefire runs in the benchmark profile only (-Pbenchmark); -Dbench.scale=small|full|tiny. */
class BenchmarkRun {

    @Test
    void run() throws Exception {
        Benchmark.main(new String[0]);
    }
}
