package io.lodestone.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a service's JVM is started: from its extracted jar (Spring Boot's own {@code extract}: the
 * application jar beside its libraries) with an application class-data archive, so a start reads
 * already parsed and verified classes instead of loading thousands of them from a nested jar.
 * On JDK 25 and newer the archive is an ahead-of-time cache ({@link ClassData#AOT_CACHE}), which
 * also holds the classes already linked and the start's method profiles; on older JDKs it is a
 * dynamic class-data archive ({@link ClassData#DYNAMIC_ARCHIVE}). The services run on the JVM the
 * launcher runs on, so {@code JAVA_HOME} chooses.
 * The archive is made once per build of the jar by a training start: a real start against the
 * running broker and database, stopped (as an operator stops it) once its readiness probe
 * answers, so the archive holds every class a start loads, the Kafka clients, Kafka Streams and
 * the web server's among them. (An image build has no broker: the Dockerfile trains up to the
 * refreshed application context only, and a start then loads the rest from the jar; measured
 * on alert-service, the whole start's archive saves about an eighth of the CPU a start uses.) A
 * rebuilt jar is extracted and trained again. Where extraction or training fails, the service
 * starts from its jar without an archive, only slower. The extraction also takes RocksDB's native
 * library out of its jar once ({@link NativeLibraries}), which it would otherwise do at every start.
 */
final class ServiceJvm {

    /** How the archive was trained, part of its stamp: an archive trained otherwise is made again. */
    private static final String TRAINING = "whole-start";

    /** What a training start writes and later starts read; which one depends on the JDK. */
    enum ClassData {
        /**
         * A dynamic class-data archive (JDK 13 and newer): the classes a start loaded, parsed and
         * verified. A JVM that cannot use it ({@code -Xshare:auto}) starts without it.
         */
        DYNAMIC_ARCHIVE("app.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", "-Xshare:auto"),
        /**
         * An ahead-of-time cache (JDK 25: JEP 483, 514 and 515): the same classes, also linked, with
         * the constant-pool entries the start resolved and the method profiles it gathered. A JVM
         * that cannot use it starts without it (the default {@code -XX:AOTMode=auto}). The training
         * start writes it as it exits, in a second JVM it launches for that.
         */
        AOT_CACHE("app.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=");

        private final String file;
        private final String write;
        private final String read;
        private final List<String> alongside;

        /**
         * @param write     the option, before the archive's path, that makes a start write it
         * @param read      the option, before the archive's path, that makes a start read it
         * @param alongside further options of a start that reads it
         */
        ClassData(String file, String write, String read, String... alongside) {
            this.file = file;
            this.write = write;
            this.read = read;
            this.alongside = List.of(alongside);
        }

        /** What a JDK of this feature release ({@code 17}, {@code 25}) supports. */
        static ClassData of(int feature) {
            return feature >= 25 ? AOT_CACHE : DYNAMIC_ARCHIVE;
        }

        private List<String> readOptions(Path archive) {
            List<String> options = new ArrayList<>(List.of(read + archive));
            options.addAll(alongside);
            return options;
        }
    }

    /** How long a training start may take on a loaded machine before it is given up. */
    private static final long TRAINING_TIMEOUT_SECONDS = 300;
    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private final String service;
    private final Path jar;
    private final Path dir;
    private final List<String> options;
    private final String java;
    private final ClassData classData;

    /**
     * @param service the service's module name
     * @param jar     the service's executable jar ({@code <module>/target/<module>.jar})
     * @param options the JVM options every start of the service gets
     */
    ServiceJvm(String service, Path jar, List<String> options) {
        this(service, jar, options, ChildProcess.java());
    }

    /**
     * @param java the {@code java} executable the service runs on; the feature release its JDK's
     *             {@code release} file names decides the kind of archive
     */
    ServiceJvm(String service, Path jar, List<String> options, String java) {
        this.java = java;
        this.classData = ClassData.of(featureOf(javaHome(java)));
        this.service = service;
        this.jar = jar;
        this.dir = jar.resolveSibling("run");
        this.options = List.copyOf(options);
    }

    String service() {
        return service;
    }

    /** The command that starts the service: with its archive when there is one, else from the jar. */
    List<String> command() {
        if (!trained()) {
            return commandFromJar();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(nativeLibraryPath());
        command.addAll(classData.readOptions(archive()));
        command.addAll(List.of("-jar", extractedJar().toString()));
        return command;
    }

    /** The command that starts the service from its jar, without an archive. */
    List<String> commandFromJar() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** Whether an archive made from the current build of the jar exists. */
    boolean trained() {
        return Files.exists(archive()) && upToDate();
    }

    /**
     * Extracts the jar and runs the training start, unless the current build is already trained.
     *
     * @param env the environment a real start gets (the training start is one: it needs the
     *            broker and, for alert-service, the database; its readiness probe answers on
     *            {@code SERVER_PORT})
     * @param ledger where the training JVM is written down while it runs, so that a launcher
     *               killed meanwhile does not leave it running for good
     * @return what happened, for the progress output
     */
    String prepare(Map<String, String> env, ProcessLedger ledger) throws IOException, InterruptedException {
        if (trained()) {
            return service + ": class-data archive up to date";
        }
        LocalStack.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path log = dir.resolve("prepare.log");
        int extracted = run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString(), "--application-filename", extractedJar().getFileName().toString(),
                "--force"), Map.of(), log);
        if (extracted != 0) {
            return service + ": extracting the jar failed (see " + log + "); starting from the jar";
        }
        try {
            NativeLibraries.extractRocksDb(dir.resolve("lib"), nativeLibraries());
        } catch (IOException e) {
            // RocksDB then extracts its library at every start, as it would by itself
            LocalStack.deleteRecursively(nativeLibraries());
            Files.writeString(log, "RocksDB's library was not extracted: " + e + System.lineSeparator(),
                    StandardOpenOption.APPEND);
        }
        List<String> training = new ArrayList<>();
        training.add(java);
        training.addAll(options);
        training.addAll(nativeLibraryPath());
        training.addAll(List.of(classData.write + archive(), "-jar", extractedJar().toString()));
        if (!trainUntilReady(training, env, log, ledger)) {
            Files.deleteIfExists(archive());
            return service + ": the training start did not get ready (see " + log + "); starting from the jar";
        }
        if (!Files.exists(archive())) {
            return service + ": no class-data archive was made (see " + log + "); starting from the jar";
        }
        Files.writeString(stamp(), stampOf(jar));
        return service + ": class-data archive made";
    }

    private boolean upToDate() {
        try {
            return Files.exists(stamp()) && Files.readString(stamp()).equals(stampOf(jar));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What the archive was made from: how it was trained, the build of the jar (a rebuilt jar has
     * another size or modification time), the JVM and its options. The JVM refuses an archive made by another
     * JVM or for other classes, and one made under other options may be partly unusable.
     */
    private String stampOf(Path jar) throws IOException {
        StringBuilder stamp = new StringBuilder(TRAINING).append(' ').append(classData)
                .append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis())
                .append(' ').append(javaBuild());
        for (String option : options) {
            // An argument file's options are what counts, not its name.
            stamp.append(' ').append(option.startsWith("@") ? Files.readString(Path.of(option.substring(1))) : option);
        }
        return stamp.toString();
    }

    /**
     * Which build of the JDK the service runs on: its {@code release} file (version and vendor),
     * or, where it has none, its path.
     */
    private String javaBuild() throws IOException {
        Path release = javaHome(java).resolve("release");
        return Files.isRegularFile(release) ? Files.readString(release).replaceAll("\\s+", " ") : java;
    }

    /** The JDK a {@code java} executable belongs to ({@code <home>/bin/java}). */
    private static Path javaHome(String java) {
        return Path.of(java).toAbsolutePath().getParent().getParent();
    }

    /**
     * The feature release ({@code 17}, {@code 25}) that a JDK's {@code release} file names
     * ({@code JAVA_VERSION="25.0.3"}); 0 when it has none, which makes a dynamic archive.
     */
    static int featureOf(Path jdkHome) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(jdkHome.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Starts the service, waits for its readiness probe, then stops it gracefully (the archive is
     * written as the JVM exits). False when it exited or timed out before it was ready.
     */
    private boolean trainUntilReady(List<String> command, Map<String, String> env, Path log, ProcessLedger ledger)
            throws IOException {
        String role = service + " (training)";
        ChildProcess training = ChildProcess.start(role, command, env, log);
        ledger.add(role, training.handle());
        try {
            training.awaitHttpReady(Integer.parseInt(env.get("SERVER_PORT")), Duration.ofSeconds(TRAINING_TIMEOUT_SECONDS));
            return true;
        } catch (IllegalStateException exitedOrTimedOut) {
            return false;
        } finally {
            training.stop(Duration.ofSeconds(TRAINING_TIMEOUT_SECONDS));
            ledger.remove(role);
        }
    }

    private static int run(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    private Path extractedJar() {
        return dir.resolve("app.jar");
    }

    /** Native libraries taken out of the extracted jar's libraries ({@link NativeLibraries}). */
    private Path nativeLibraries() {
        return dir.resolve("native");
    }

    /** The option that lets the service find them, where there are any. */
    private List<String> nativeLibraryPath() {
        return Files.isDirectory(nativeLibraries()) ? List.of("-Djava.library.path=" + nativeLibraries()) : List.of();
    }

    private Path archive() {
        return dir.resolve(classData.file);
    }

    private Path stamp() {
        return dir.resolve("trained-from");
    }
}
