package org.strongcities.fund.web.benchmark;

import org.strongcities.fund.web.platform.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the embedded PostgreSQL has used: its postmaster, the children it has reaped (backends
 * that closed, autovacuum workers) and the children alive (the application's sessions, the WAL writer,
 * the checkpointer). PostgreSQL shares the machine's cores with the application, so a command costs
 * both; the JVM's CPU alone says only half of where the time goes. Read from Linux's /proc.
 */
final class DatabaseCpu {

    private final long postmaster;
    private final double nanosPerTick;

    private DatabaseCpu(long postmaster, double nanosPerTick) {
        this.postmaster = postmaster;
        this.nanosPerTick = nanosPerTick;
    }

    static DatabaseCpu of(EmbeddedDatabase database) throws IOException, InterruptedException {
        // The first line of postmaster.pid is the postmaster's process id.
        Path pidFile = database.dataDirectory().resolve("postgres").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        long ticksPerSecond = Long.parseLong(new String(getconf.getInputStream().readAllBytes()).strip());
        getconf.waitFor();
        return new DatabaseCpu(pid, 1e9 / ticksPerSecond);
    }

    long nanos() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                ticks += ticksOf(process);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc for the database's CPU time", e);
        }
        return Math.round(ticks * nanosPerTick);
    }

    /** The postmaster's own and reaped children's ticks, a live child's own; nothing for other processes. */
    private long ticksOf(Path process) {
        String[] fields;
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name in parentheses may hold spaces; the fields after it are fixed (proc(5)).
            fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return 0; // ended while the directory was read
        }
        long pid = Long.parseLong(process.getFileName().toString());
        long parent = Long.parseLong(fields[1]);
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (pid == postmaster) {
            return own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return parent == postmaster ? own : 0;
    }
}
