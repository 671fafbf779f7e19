package org.strongcities.fund.web.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.strongcities.fund.web.FundApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the tests that need the whole application: one context, shared by every subclass, on a
 * fresh embedded PostgreSQL with the demo data seeded through the real commands.
 */
@SpringBootTest(classes = FundApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ApplicationTest {

    private static final Path DATA_DIRECTORY = freshDataDirectory("shared-context");

    @DynamicPropertySource
    static void applicationProperties(DynamicPropertyRegistry registry) {
        registry.add("fund.data-dir", DATA_DIRECTORY::toString);
        registry.add("fund.demo", () -> "true");
    }

    public static Path freshDataDirectory(String purpose) {
        try {
            Path target = Path.of("target", "test-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
