package io.containerplatform.workloads.e2e;

import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway RabbitMQ node on free ports, from the machine's {@code rabbitmq-server} (Debian's package): its
 * own node name, data and log directories, started for a test run and stopped with {@code rabbitmqctl stop}. As
 * root it runs through Debian's wrappers, which drop to the {@code rabbitmq} user (the directories are handed
 * to it); as any other user it runs RabbitMQ's own scripts as that user (Debian's wrappers accept only root and
 * {@code rabbitmq}). When the broker cannot start, {@link #start} fails saying why; nothing is skipped.
 */
public final class RabbitMqNode implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String BIN = ROOT ? "/usr/sbin/" : "/usr/lib/rabbitmq/bin/";

    private final String node;
    private final int port;
    private final Path dir;
    private final Process server;

    private RabbitMqNode(String node, int port, Path dir, Process server) {
        this.node = node;
        this.port = port;
        this.dir = dir;
        this.server = server;
    }

    /** Starts a node and waits until it accepts connections (at most two minutes). */
    public static RabbitMqNode start() throws IOException, InterruptedException {
        var executable = Path.of(BIN + "rabbitmq-server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("RabbitMQ is not installed (no " + executable + "): the end-to-end tests need a real broker; "
                    + "install it with `apt-get install rabbitmq-server` (.ci/run does)");
        }
        var node = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
        int port = freePort();
        int dist = freePort();
        var dir = Files.createTempDirectory("rabbitmq-e2e");
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        if (ROOT) {
            run(List.of("chown", "-R", "rabbitmq:rabbitmq", dir.toString()));
            run(List.of("chmod", "755", dir.toString()));
        }
        var builder = new ProcessBuilder(executable.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile());
        var env = builder.environment();
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(dist));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        var server = builder.start();
        var started = new RabbitMqNode(node, port, dir, server);
        // await_startup fails at once until the node has registered with epmd: ask again until it answers
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String output;
        boolean up;
        do {
            var ready = new ProcessBuilder(BIN + "rabbitmqctl", "-n", node, "await_startup", "--timeout", "60").redirectErrorStream(true).start();
            output = new String(ready.getInputStream().readAllBytes());
            up = ready.waitFor(90, TimeUnit.SECONDS) && ready.exitValue() == 0;
            if (!up) {
                Thread.sleep(500);
            }
        } while (!up && server.isAlive() && System.nanoTime() < deadline);
        if (!up || !server.isAlive()) {
            var log = Files.exists(dir.resolve("server.out")) ? Files.readString(dir.resolve("server.out")) : "";
            started.close();
            throw new IllegalStateException("the RabbitMQ node " + node + " did not start: " + output.strip() + "\n" + log);
        }
        return started;
    }

    /** A connection factory for the node (the default guest user, which RabbitMQ admits from localhost only). */
    public ConnectionFactory connectionFactory() {
        var factory = new ConnectionFactory();
        factory.setHost("localhost");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    public int port() {
        return port;
    }

    /** A free TCP port on this machine. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        var stop = new ProcessBuilder(BIN + "rabbitmqctl", "-n", node, "stop").redirectErrorStream(true).start();
        stop.getInputStream().readAllBytes();
        try {
            stop.waitFor(60, TimeUnit.SECONDS);
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
