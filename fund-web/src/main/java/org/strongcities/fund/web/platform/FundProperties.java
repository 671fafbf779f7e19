package org.strongcities.fund.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of this application.
 *
 * @param dataDir      where the embedded PostgreSQL keeps its cluster (FUND_DATA_DIR)
 * @param embeddedPort port of the embedded PostgreSQL; 0 picks a free one
 * @param demo         seed and advertise demo data: "auto" means only on the embedded default
 */
@ConfigurationProperties(prefix = "fund")
public record FundProperties(Path dataDir, int embeddedPort, String demo) {

    public FundProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (demo == null || demo.isBlank()) {
            demo = "auto";
        }
    }
}
