package io.containerplatform.workloads.e2e;

import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway RabbitMQ node on free ports, from the machine's {@code rabbitmq-server} (Debian's package): its
 * own node name, data and log directories, started for a test run and stopped with {@code rabbitmqctl stop}. It
 * boots as the platform's brokers do: importing the definitions the pipeline component gives them (users and their
 * permissions, the quorum queues: {@code rabbitmq/definitions.json}, written by {@code DataPipelineComponentTest})
 * with the platform's broker settings ({@code rabbitmq/broker.conf}); its users connect with the URIs of their
 * Secrets ({@code rabbitmq/uris.properties}: their user, password and virtual host), on this node's port. As
 * root it runs through Debian's wrappers, which drop to the {@code rabbitmq} user (the directories are handed
 * to it); as any other user it runs RabbitMQ's own scripts as that user (Debian's wrappers accept only root and
 * {@code rabbitmq}). When the broker cannot start, {@link #start} fails saying why; nothing is skipped.
 */
public final class RabbitMqNode implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String BIN = ROOT ? "/usr/sbin/" : "/usr/lib/rabbitmq/bin/";

    /** The administrator of the platform's definitions. */
    public static final String ADMIN = "pipeline";
    public static final String PROCESSOR = "processor";
    public static final String PUBLISHER = "publisher";
    public static final String KEDA = "keda";

    private final String node;
    private final int port;
    private final int dist;
    private final Path dir;
    private final Properties uris;
    private final Properties passwords;
    private Process server;

    private RabbitMqNode(String node, int port, int dist, Path dir, Properties uris, Properties passwords) {
        this.node = node;
        this.port = port;
        this.dist = dist;
        this.dir = dir;
        this.uris = uris;
        this.passwords = passwords;
    }

    /** Starts a node with the platform's definitions and waits until it accepts connections (at most two minutes). */
    public static RabbitMqNode start() throws IOException, InterruptedException {
        return start(null);
    }

    /**
     * Starts a node as {@link #start()} does, but serving AMQP over TLS only, as the platform's brokers do: no plain
     * listener, its TLS listener on {@link #port()} with {@code tls}'s certificate, key and CA (PEM files).
     */
    public static RabbitMqNode startTls(Tls tls) throws IOException, InterruptedException {
        return start(tls);
    }

    /** The PEM files of a TLS listener: the server's certificate, its private key and the CA that signed it. */
    public record Tls(Path certificate, Path key, Path ca) {
    }

    private static RabbitMqNode start(Tls tls) throws IOException, InterruptedException {
        var executable = Path.of(BIN + "rabbitmq-server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("RabbitMQ is not installed (no " + executable + "): the end-to-end tests need a real broker; "
                    + "install it with `apt-get install rabbitmq-server` (.ci/run does)");
        }
        var dir = Files.createTempDirectory("rabbitmq-e2e");
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        int port = freePort();
        Files.writeString(dir.resolve("rabbitmq.conf"), resource("broker.conf") + "load_definitions = " + dir.resolve("definitions.json") + "\n"
                + (tls == null ? "" : tlsListener(dir, port, tls)));
        Files.writeString(dir.resolve("definitions.json"), resource("definitions.json"));
        var uris = new Properties();
        uris.load(new StringReader(resource("uris.properties")));
        var passwords = new Properties();
        for (var user : uris.stringPropertyNames()) {
            var userInfo = URI.create(uris.getProperty(user)).getUserInfo();
            passwords.setProperty(user, userInfo.substring(userInfo.indexOf(':') + 1));
        }
        var node = new RabbitMqNode("e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost", port, freePort(), dir, uris, passwords);
        node.boot();
        return node;
    }

    /**
     * Stops the node and starts it again on the same data with {@code definitions} (as a pod restarted with a new
     * definitions Secret), the passwords of the users it names replaced by {@code passwords}.
     */
    public void restart(String definitions, Map<String, String> passwords) throws IOException, InterruptedException {
        stop();
        Files.writeString(dir.resolve("definitions.json"), definitions);
        this.passwords.putAll(passwords);
        boot();
    }

    /** The definitions the node booted with. */
    public String definitions() throws IOException {
        return Files.readString(dir.resolve("definitions.json"));
    }

    private void boot() throws IOException, InterruptedException {
        if (ROOT) {
            run(List.of("chown", "-R", "rabbitmq:rabbitmq", dir.toString()));
            run(List.of("chmod", "755", dir.toString()));
        }
        var builder = new ProcessBuilder(BIN + "rabbitmq-server").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
        var env = builder.environment();
        env.put("RABBITMQ_NODENAME", node);
        if (!Files.exists(dir.resolve("ca.crt"))) {
            env.put("RABBITMQ_NODE_PORT", String.valueOf(port)); // with TLS, rabbitmq.conf has the listener and no plain one
        }
        env.put("RABBITMQ_DIST_PORT", String.valueOf(dist));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        server = builder.start();
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
            close();
            throw new IllegalStateException("the RabbitMQ node " + node + " did not start: " + output.strip() + "\n" + log);
        }
    }

    /**
     * Replaces the TLS listener's certificate and key files in place (as a renewal does to a Secret volume); the node
     * serves them once its PEM cache is cleared ({@code ctl("eval", "ssl:clear_pem_cache().")}).
     */
    public void replaceTls(Tls tls) throws IOException, InterruptedException {
        Files.copy(tls.certificate(), dir.resolve("server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(tls.key(), dir.resolve("server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (ROOT) {
            run(List.of("chown", "rabbitmq:rabbitmq", dir.resolve("server.crt").toString(), dir.resolve("server.key").toString()));
        }
    }

    /** The settings of a TLS-only listener on {@code port}, the PEM files copied into {@code dir} (the broker's user reads them). */
    private static String tlsListener(Path dir, int port, Tls tls) throws IOException {
        var copies = List.of(dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("ca.crt"));
        Files.copy(tls.certificate(), copies.get(0));
        Files.copy(tls.key(), copies.get(1));
        Files.copy(tls.ca(), copies.get(2));
        return String.join("\n",
                "listeners.tcp = none",
                "listeners.ssl.default = " + port,
                "ssl_options.certfile = " + copies.get(0),
                "ssl_options.keyfile = " + copies.get(1),
                "ssl_options.cacertfile = " + copies.get(2),
                "ssl_options.verify = verify_none",
                "ssl_options.fail_if_no_peer_cert = false",
                "");
    }

    private static String resource(String name) throws IOException {
        try (var in = RabbitMqNode.class.getResourceAsStream("/rabbitmq/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no rabbitmq/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A connection factory for the node as the platform's administrator. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory(ADMIN);
    }

    /**
     * A connection factory for the node as {@code user}, one of the platform's users: the URI of its Secret (user,
     * password, virtual host) on this node's plain port, its password the rotated one after {@link #restart}.
     */
    public ConnectionFactory connectionFactory(String user) {
        var secretUri = uris.getProperty(user);
        if (secretUri == null) {
            throw new IllegalArgumentException(user + " is not a user of the platform's definitions");
        }
        var uri = URI.create(secretUri);
        var factory = new ConnectionFactory();
        try {
            factory.setUri("amqp://" + uri.getRawUserInfo() + "@localhost:" + port + uri.getRawPath());
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the Secret's uri of " + user + " is not an AMQP URI: " + e.getMessage(), e);
        }
        factory.setPassword(passwords.getProperty(user));
        return factory;
    }

    /** The password of {@code user}. */
    public String password(String user) {
        return passwords.getProperty(user);
    }

    public int port() {
        return port;
    }

    /** {@code rabbitmqctl -n <node> args...}, its output; fails when it fails. */
    public String ctl(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(BIN + "rabbitmqctl", "-q", "-n", node));
        command.addAll(List.of(args));
        return run(command);
    }

    /** A free TCP port on this machine. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private void stop() throws IOException {
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
    }

    @Override
    public void close() throws IOException {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
