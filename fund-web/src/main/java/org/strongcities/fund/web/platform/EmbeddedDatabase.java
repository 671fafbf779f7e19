package org.strongcities.fund.web.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The PostgreSQL server the application starts for itself when no external database is configured.
 *
 * <p>The library's defaults trade durability for speed (fsync and synchronous commit off), which is
 * wrong for a ledger of donor money, so every durability setting is switched back on here. A file
 * lock on the data directory makes a second instance fail with a clear message instead of two
 * servers fighting over one cluster.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDirectory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts (or re-opens) the cluster under {@code dataDirectory/postgres}.
     *
     * @param port 0 to let the operating system pick a free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Path root = dataDirectory.toAbsolutePath().normalize();
        ensureWritable(root);
        FileChannel channel = null;
        FileLock lock;
        try {
            channel = FileChannel.open(root.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupProblem("Cannot lock the data directory " + root + " (" + e.getMessage()
                    + "): give this user write access or set FUND_DATA_DIR to another directory.", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StartupProblem("The data directory " + root + " is in use by another running instance: "
                    + "stop that instance or set FUND_DATA_DIR to another directory.");
        }
        try {
            stopOrphanedServer(root.resolve("postgres"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(root.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    // Spring stops the server after the last connection is closed; the library's own hook
                    // would stop it while Axon and Camunda are still shutting down.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), root);
            return new EmbeddedDatabase(root, channel, lock, postgres);
        } catch (IOException | RuntimeException e) {
            releaseQuietly(lock);
            closeQuietly(channel);
            throw new StartupProblem("The embedded PostgreSQL could not start with data in " + root + " (" + rootMessage(e)
                    + "): check the directory is not damaged or in use, or set FUND_DATA_DIR to a fresh directory.", e);
        }
    }

    /**
     * A server left running by an application that was killed (SIGKILL, power loss of the JVM host
     * process) still holds the cluster. We hold the directory lock, so no live instance owns it:
     * ask that server for a fast shutdown (SIGINT), which PostgreSQL completes safely, and recover.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping PostgreSQL server {} left running on {} by an earlier instance", pid, cluster);
                    try {
                        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
                        process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
    }

    private static void ensureWritable(Path root) {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            throw new StartupProblem("The data directory " + root + " is not writable: give this user write access "
                    + "or set FUND_DATA_DIR to a writable directory.", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDirectory, e.getMessage());
        } finally {
            releaseQuietly(lock);
            closeQuietly(lockChannel);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the lock dies with the channel anyway
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
