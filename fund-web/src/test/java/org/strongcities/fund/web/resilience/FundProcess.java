package org.strongcities.fund.web.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole application in a JVM process of its own (the test class path, main class
 * FundApplication), bound to loopback only: what the crash and several-nodes tests kill and restart.
 */
public final class FundProcess implements AutoCloseable {

    private static final String MAIN = "org.strongcities.fund.web.FundApplication";

    private final String name;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private FundProcess(String name, int port, List<String> arguments, Path log) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        this.log = log;
    }

    /** Starts the application with these extra arguments (--key=value) and waits until it answers its health check. */
    public static FundProcess start(String name, Path log, Duration patience, String... arguments) {
        FundProcess node = new FundProcess(name, freePort(), List.of(arguments), log);
        node.restart(patience);
        return node;
    }

    /** Starts (again) on the same port and arguments. */
    public void restart(Duration patience) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--spring.main.banner-mode=off");
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n===== start " + name + " " + java.time.Instant.now() + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(patience);
    }

    private void awaitHealthy(Duration patience) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not become healthy within " + patience + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no connection closed politely, the embedded PostgreSQL left orphaned. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(60))) {
                kill();
            }
        }
    }

    private boolean waitForExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The test class path as plain entries. Surefire runs tests from a manifest-only jar; handed on as
     * is, Camunda's resource scan would see every test BPMN twice (through the jar and its Class-Path).
     */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        String[] entries = classPath.split(java.io.File.pathSeparator);
        if (entries.length != 1 || !entries[0].endsWith(".jar")) {
            return withoutTestClasses(List.of(entries));
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entries[0])) {
            String manifestPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (manifestPath == null || manifestPath.isBlank()) {
                return classPath;
            }
            List<String> expanded = new ArrayList<>();
            for (String url : manifestPath.trim().split("\\s+")) {
                expanded.add(Path.of(URI.create(url)).toString());
            }
            return withoutTestClasses(expanded);
        } catch (IOException | IllegalArgumentException e) {
            return classPath;
        }
    }

    /** The application as deployed: its own classes and libraries, not the tests' classes and test BPMN models. */
    private static String withoutTestClasses(List<String> entries) {
        return String.join(java.io.File.pathSeparator, entries.stream()
                .filter(entry -> !entry.replace('\\', '/').matches(".*/test-classes/?$")).toList());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
