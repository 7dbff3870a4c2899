package io.lodestone.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the whole system on this machine — broker, topics, database, mail catcher, then the three
 * services together — prints where everything is, and on Ctrl-C stops it all in reverse.
 * Anything that fails to start stops what was started and says what to look at.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final Progress progress = new Progress(System.out);
    private final KafkaBroker kafka;
    private final Database database;
    private final MailCatcher mail;
    private final List<ChildProcess> services = new ArrayList<>();
    private final Map<String, ServiceLaunch> launches = new LinkedHashMap<>();
    private final Map<String, ServiceJvm> jvms = new HashMap<>();
    private Duration preparing = Duration.ZERO;
    private Duration readyIn;
    private ProcessLedger ledger = ProcessLedger.none();

    /** How long a service may take from process start to ready (a loaded 2-core machine is slow). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * How a service instance was started, so it can be started again the same way after a crash.
     * {@code name} tells instances apart (logs, fault hooks); {@code service} names the jar.
     */
    private record ServiceLaunch(String name, String service, int port, Map<String, String> extraEnv) {
    }

    LocalStack(StackSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings);
        this.database = new Database(settings);
        this.mail = new MailCatcher(settings);
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println("usage: ./run-local.sh [--clean] [--demo]");
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.from(List.of(args), System.getenv());
            // a launcher killed before could not stop its stack: that stack holds the ports
            ProcessLedger.stopLeftovers(settings.dataDir(), System.out::println);
            checkPortsFree(settings);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Supervisor> supervisor = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // first, so that nothing restarts the services while they are being stopped
            Optional.ofNullable(supervisor.get()).ifPresent(Supervisor::close);
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(1);
        }
        if (settings.supervise()) {
            supervisor.set(stack.supervise(SUPERVISION_PERIOD));
        }
        stack.printSummary();
        stopped.await();
    }

    /** How often the supervisor looks at each service (a kubelet's default liveness period is 10 s). */
    static final Duration SUPERVISION_PERIOD = Duration.ofSeconds(5);

    /**
     * Restarts the broker, the database and the services when they end or stop being live, from now
     * on ({@link Supervisor}); close the supervisor before stopping the stack. (A broker or database
     * killed had stayed down until the whole stack was started again: the database cannot be started
     * by hand beside the launcher, which holds its folder's lock.)
     */
    Supervisor supervise(Duration period) {
        return new Supervisor(new Supervisor.Services() {
            @Override
            public List<String> names() {
                List<String> names = new ArrayList<>(List.of(BROKER, DATABASE));
                synchronized (LocalStack.this) {
                    names.addAll(launches.keySet());
                }
                return names;
            }

            @Override
            public Optional<String> ended(String name) {
                return switch (name) {
                    case BROKER -> kafka.process().exitCode().map(code -> "exit code " + code);
                    case DATABASE -> database.postmaster().filter(ProcessHandle::isAlive).isPresent()
                            ? Optional.empty() : Optional.of("its server process is gone");
                    default -> service(name).exitCode().map(code -> "exit code " + code);
                };
            }

            @Override
            public boolean live(String name) {
                return switch (name) {
                    // running is alive: the services' probes say whether they reach either
                    case BROKER, DATABASE -> ended(name).isEmpty();
                    default -> ChildProcess.httpOk("http://127.0.0.1:" + launches.get(name).port() + "/actuator/health/liveness");
                };
            }

            @Override
            public void restart(String name) throws Exception {
                switch (name) {
                    case BROKER -> {
                        kafka.kill();
                        kafka.start();
                        ledger.add("kafka", kafka.process().handle());
                    }
                    case DATABASE -> {
                        // kills what is left of it and releases the data folder's lock
                        database.kill();
                        startDatabase();
                    }
                    default -> restartService(name);
                }
            }
        }, Clock.systemUTC(), progress::step).every(period);
    }

    /** The broker's and the database's names for the supervisor, beside the services'. */
    static final String BROKER = "Kafka broker";
    static final String DATABASE = "PostgreSQL";

    void start() throws Exception {
        ProcessLedger.stopLeftovers(settings.dataDir(), progress::step);
        if (settings.clean()) {
            progress.step("--clean: deleting " + settings.dataDir());
            deleteRecursively(settings.dataDir());
        }
        ledger = ProcessLedger.open(settings.dataDir(), progress::step);
        long started = System.nanoTime();
        // The broker, the database and the mail catcher do not depend on each other: start them together.
        ExecutorService beside = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> databaseAndMail = CompletableFuture.runAsync(() -> {
            try {
                progress.step("starting PostgreSQL on port " + settings.postgresPort());
                database.start();
                database.postmaster().ifPresent(postmaster -> ledger.add("postgres", postmaster));
                progress.step("PostgreSQL is ready; starting the mail catcher (SMTP " + settings.smtpPort()
                        + ", web " + settings.mailWebPort() + ")");
                mail.start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            }
        }, beside);
        beside.shutdown();
        try {
            progress.step("starting Kafka (KRaft) on " + settings.kafkaBootstrap());
            kafka.start();
            ledger.add("kafka", kafka.process().handle());
            List<String> created = kafka.createTopics();
            progress.step(created.isEmpty() ? "topics already exist" : "created topics " + String.join(", ", created));
        } catch (Exception e) {
            // Let the database finish starting, so that stopping the stack stops it too.
            databaseAndMail.exceptionally(ignored -> null).join();
            throw e;
        }
        try {
            databaseAndMail.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        // The services depend on the broker and the database, not on each other: start them together.
        startServices(List.of(
                launchOf("news-ingest-service", settings.ingestPort(),
                        Map.of("INGEST_STATE_DIR", settings.dataDir().resolve("ingest-state").toString())),
                launchOf("risk-scoring-service", settings.scoringPort(),
                        Map.of("RISK_STATE_DIR", settings.dataDir().resolve("scoring-state").toString())),
                launchOf("alert-service", settings.alertPort(), Map.of(
                        "DATABASE_URL", settings.jdbcUrl(),
                        "DATABASE_USER", "postgres",
                        "DATABASE_PASSWORD", "postgres",
                        "SMTP_HOST", "127.0.0.1",
                        "SMTP_PORT", String.valueOf(settings.smtpPort()),
                        // Webhook and Slack URLs may point at this machine: handy for trying receivers locally.
                        "LODESTONE_ALERT_EGRESS_ALLOWED_CIDRS", "127.0.0.0/8",
                        "LODESTONE_ALERT_SECRET_KEYS", LocalSecretKeys.loadOrCreate(settings.dataDir()),
                        // The console's board is public locally; sign in as "buyer" with the API token.
                        "LODESTONE_CONSOLE_PUBLIC_BOARD", "true",
                        "LODESTONE_CONSOLE_USERS_0_NAME", "buyer",
                        "LODESTONE_CONSOLE_USERS_0_PASSWORD", "{noop}" + settings.token()))));
        readyIn = Duration.ofNanos(System.nanoTime() - started).minus(preparing);
        progress.step("all services are ready: the stack was ready in " + readyIn.toSeconds() + " s"
                + (preparing.isZero() ? "" : " after the one-off " + preparing.toSeconds() + " s of class-data archives"));
        if (settings.demo()) {
            progress.step(new Demo(settings).run());
        }
    }

    private static ServiceLaunch launchOf(String name, int port, Map<String, String> extraEnv) {
        return new ServiceLaunch(name, name, port, Map.copyOf(extraEnv));
    }

    /** Starts every service at once and waits until all of them are ready. */
    private void startServices(List<ServiceLaunch> all) throws IOException {
        if (settings.classDataSharing()) {
            prepareClassData(all);
        }
        long started = System.nanoTime();
        Map<ServiceLaunch, ChildProcess> running = new LinkedHashMap<>();
        for (ServiceLaunch launch : all) {
            launches.put(launch.name(), launch);
            running.put(launch, spawn(launch));
        }
        // each awaited on its own thread, so that each service's ready time is its own and not the
        // time the one awaited before it took
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (Map.Entry<ServiceLaunch, ChildProcess> service : running.entrySet()) {
            ready.add(CompletableFuture.runAsync(() -> {
                service.getValue().awaitHttpReady(service.getKey().port(), READY_TIMEOUT);
                progress.step(service.getKey().name() + " is ready (" + String.format(Locale.ROOT, "%.1f",
                        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0) + " s after the services were started)");
            }, runnable -> {
                Thread thread = new Thread(runnable, "await-" + service.getKey().name());
                thread.setDaemon(true);
                thread.start();
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Starts one more instance of a running service, as a second replica would run: same settings
     * and broker, its own port, and its own state folders (a replica never shares local state).
     *
     * @return the name of the new instance, for the fault hooks ({@code service#2}, …)
     */
    String startReplica(String service, int port) throws IOException {
        ServiceLaunch first = launches.get(service);
        if (first == null) {
            throw new IllegalArgumentException("no service named " + service + "; known: " + launches.keySet());
        }
        long instances = launches.values().stream().filter(l -> l.service().equals(service)).count();
        String name = service + "#" + (instances + 1);
        Map<String, String> env = new HashMap<>(first.extraEnv());
        env.replaceAll((key, value) -> key.endsWith("_STATE_DIR") ? value + "-" + (instances + 1) : value);
        ServiceLaunch launch = new ServiceLaunch(name, service, port, Map.copyOf(env));
        launches.put(name, launch);
        launch(launch);
        return name;
    }

    private void launch(ServiceLaunch launch) throws IOException {
        spawn(launch).awaitHttpReady(launch.port(), READY_TIMEOUT);
    }

    /**
     * Makes each service's class-data archive where the current build has none (the first start
     * after a build), all services at once: a training start per service until it is ready,
     * against the running broker and database.
     */
    private void prepareClassData(List<ServiceLaunch> all) {
        List<ServiceJvm> untrained = all.stream().map(launch -> jvm(launch.service())).filter(jvm -> !jvm.trained()).toList();
        if (untrained.isEmpty()) {
            return;
        }
        progress.step("first start of this build: making the services' class-data archives (faster starts from now on)");
        long started = System.nanoTime();
        List<CompletableFuture<String>> preparing = new ArrayList<>();
        // A thread each: the common pool has a single thread on a two-core machine.
        ExecutorService trainers = Executors.newFixedThreadPool(untrained.size());
        for (ServiceLaunch launch : all) {
            ServiceJvm jvm = jvm(launch.service());
            if (untrained.contains(jvm)) {
                preparing.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return jvm.prepare(env(launch), ledger);
                    } catch (IOException e) {
                        return jvm.service() + ": preparing failed (" + e.getMessage() + "); starting from the jar";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return jvm.service() + ": interrupted while preparing";
                    }
                }, trainers));
            }
        }
        preparing.forEach(outcome -> progress.step(outcome.join()));
        trainers.shutdown();
        this.preparing = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * How long the last {@link #start()} took until every service was ready, not counting the
     * one-off making of class-data archives after a build; empty before that.
     */
    Optional<Duration> readyIn() {
        return Optional.ofNullable(readyIn);
    }

    private synchronized ServiceJvm jvm(String service) {
        Path jar = settings.jar(service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -B -DskipTests package");
        }
        return jvms.computeIfAbsent(service, name -> new ServiceJvm(name, jar, settings.javaOptions()));
    }

    private Map<String, String> env(ServiceLaunch launch) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                "LODESTONE_API_TOKEN", settings.token(),
                "SERVER_PORT", String.valueOf(launch.port()),
                // The services listen on loopback, as Kafka, PostgreSQL and the mail catcher do: on
                // every interface, anyone on a laptop's network (a café's, a conference's) reached
                // them. LODESTONE_SERVICE_ADDRESS=0.0.0.0 opens them up on purpose.
                "SERVER_ADDRESS", serviceAddress(),
                // glibc gives each busy thread its own malloc arena; native code in the services
                // (compression, the JIT, RocksDB) then spreads over many half-used arenas. Two keep
                // the resident memory down (other C libraries ignore it).
                "MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"),
                // A service killed on a laptop (a crash, kill -9) gives its partitions up after
                // 10 s rather than Kafka's 45 s, so its restarted self or another replica goes on
                // sooner. Heartbeats come every 3 s, so a busy laptop still has three chances.
                "LODESTONE_KAFKA_SESSION_TIMEOUT_MS", System.getenv().getOrDefault("LODESTONE_KAFKA_SESSION_TIMEOUT_MS", "10000")));
        env.putAll(settings.serviceEnv());
        env.putAll(launch.extraEnv());
        return env;
    }

    /**
     * Where the services listen: 127.0.0.1, or every interface when LODESTONE_SERVICE_ADDRESS says
     * 0.0.0.0 (or ::). Any other address is refused: the launcher's probes and supervisor reach the
     * services on 127.0.0.1.
     */
    static String serviceAddress() {
        String address = System.getenv().getOrDefault("LODESTONE_SERVICE_ADDRESS", "127.0.0.1").strip();
        if (!List.of("127.0.0.1", "0.0.0.0", "::").contains(address)) {
            throw new IllegalStateException("LODESTONE_SERVICE_ADDRESS must be 127.0.0.1 (the default) or 0.0.0.0 "
                    + "(every interface), not '" + address + "': the launcher checks the services on 127.0.0.1");
        }
        return address;
    }

    private ChildProcess spawn(ServiceLaunch launch) throws IOException {
        ServiceJvm jvm = jvm(launch.service());
        progress.step("starting " + launch.name() + " on port " + launch.port());
        List<String> command = settings.classDataSharing() ? jvm.command() : jvm.commandFromJar();
        ChildProcess service = ChildProcess.start(launch.name(), command, env(launch),
                settings.dataDir().resolve("logs").resolve(launch.name().replace('#', '-') + ".log"));
        synchronized (this) {
            services.add(service);
        }
        ledger.add(launch.name(), service.handle());
        return service;
    }

    // Fault hooks: what the fault suite does to a running stack. Each one acts on a single named
    // part and leaves the rest running, so the suite can watch how the others cope.

    /** Kills one service with SIGKILL: no shutdown hook, no flush, no offset commit. */
    void killService(String name) {
        service(name).kill();
    }

    /** Starts a killed (or stopped) service again with exactly the settings it first had, and waits until it is ready. */
    void restartService(String name) throws IOException {
        ChildProcess old = service(name);
        if (old.isAlive()) {
            old.stop();
        }
        synchronized (this) {
            services.remove(old);
        }
        launch(launches.get(name));
    }

    /** Stops the broker (SIGTERM, as a rolling restart would) and starts it again on the same log directory. */
    void restartBroker() throws IOException, InterruptedException {
        progress.step("restarting the Kafka broker");
        kafka.stop();
        kafka.start();
        ledger.add("kafka", kafka.process().handle());
    }

    /** Kills the broker with SIGKILL (a crash) and starts it again on the same log directory. */
    void crashBroker() throws IOException, InterruptedException {
        progress.step("killing the Kafka broker (SIGKILL) and starting it again");
        kafka.kill();
        kafka.start();
        ledger.add("kafka", kafka.process().handle());
    }

    /** Kills the broker with SIGKILL and leaves it down (until the supervisor, if any, starts it again). */
    void killBroker() {
        progress.step("killing the Kafka broker (SIGKILL)");
        kafka.kill();
    }

    /**
     * Kills PostgreSQL, its postmaster and every backend, with SIGKILL, until {@link #startDatabase()}
     * (or until the supervisor, if one runs, starts it again).
     */
    void crashDatabase() {
        progress.step("killing PostgreSQL (SIGKILL to the postmaster and its backends)");
        database.kill();
    }

    /** Shuts PostgreSQL down (connections are cut) until {@link #startDatabase()} (or the supervisor). */
    void stopDatabase() {
        progress.step("stopping PostgreSQL");
        database.stop();
    }

    void startDatabase() throws IOException, SQLException {
        progress.step("starting PostgreSQL again");
        database.start();
        database.postmaster().ifPresent(postmaster -> ledger.add("postgres", postmaster));
    }

    /** Takes the SMTP server down (connections are refused) until {@link #startSmtp()}. */
    void stopSmtp() {
        progress.step("stopping the SMTP catcher");
        mail.stopSmtp();
    }

    void startSmtp() {
        progress.step("starting the SMTP catcher again");
        mail.startSmtp();
    }

    /** The folder where every caught mail is saved as an {@code .eml} file. */
    Path mailFolder() {
        return mail.folder();
    }

    private synchronized ChildProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name + "; known: " + launches.keySet()));
    }

    /** The broker and the services, in start order, for measuring them. */
    synchronized List<ChildProcess> processes() {
        List<ChildProcess> all = new ArrayList<>();
        all.add(kafka.process());
        all.addAll(services);
        return all;
    }

    void printSummary() {
        System.out.println();
        System.out.println("Lodestone is running.");
        System.out.printf("  news-ingest-service   http://127.0.0.1:%d   (POST /api/v1/items)%n", settings.ingestPort());
        System.out.printf("  risk-scoring-service  http://127.0.0.1:%d   (GET /api/v1/risk)%n", settings.scoringPort());
        System.out.printf("  alert-service         http://127.0.0.1:%d   (/api/v1/subscriptions)%n", settings.alertPort());
        System.out.printf("  console               http://127.0.0.1:%d/  (board; sign in as buyer with the API token)%n",
                settings.alertPort());
        System.out.printf("  caught mail           http://127.0.0.1:%d   (files in %s)%n", settings.mailWebPort(), mail.folder());
        System.out.printf("  Kafka                 %s%n", settings.kafkaBootstrap());
        System.out.printf("  PostgreSQL            %s (user postgres, password postgres)%n", settings.jdbcUrl());
        System.out.printf("  logs                  %s%n", settings.dataDir().resolve("logs"));
        System.out.printf("  API token             %s%s%n", settings.token(),
                settings.generated() ? "   (generated; set LODESTONE_API_TOKEN to choose your own)" : "");
        System.out.println("Press Ctrl-C to stop everything.");
    }

    synchronized void stop() {
        System.out.println("stopping…");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        services.clear();
        mail.stop();
        database.stop();
        kafka.stop();
        ledger.close();
        System.out.println("stopped; state kept in " + settings.dataDir() + " (use --clean to start afresh)");
    }

    static void checkPortsFree(StackSettings settings) {
        List<String> taken = new ArrayList<>();
        settings.ports().forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                taken.add(what + " port " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port(s) already in use: " + String.join(", ", taken)
                    + ". Stop what uses them or move Lodestone with LODESTONE_<NAME>_PORT (see README).");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException exc) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
