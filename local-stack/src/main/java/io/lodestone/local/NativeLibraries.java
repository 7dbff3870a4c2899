package io.lodestone.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Kafka Streams' RocksDB library, taken out of its jar once per build instead of at every start.
 * Left to itself, RocksDB inflates its native library for the platform (about 14 MB on Linux) from
 * its jar into {@code java.io.tmpdir} each time a service opens a persistent state store (risk-scoring-service's
 * risk store): about a tenth of a CPU-second per start, and a file left behind by every process that
 * is killed rather than stopped (it deletes its copy only as the JVM exits). Before that, RocksDB asks the JVM for the
 * library by its platform name on {@code java.library.path}; this puts it there under the name
 * RocksDB's own {@code org.rocksdb.util.Environment} gives for this platform (musl or glibc, the
 * architecture, the operating system's file name for a library). Where anything is missing,
 * nothing is extracted and RocksDB extracts from its jar as before.
 */
final class NativeLibraries {

    private NativeLibraries() {
    }

    /**
     * Extracts RocksDB's library for this platform from the rocksdbjni jar in {@code libDir} (an
     * extracted service jar's libraries) into {@code target}; nothing when the service has no
     * RocksDB or its jar has no library for this platform (then {@code target} is not created).
     */
    static void extractRocksDb(Path libDir, Path target) throws IOException {
        Optional<Path> rocksDbJar;
        try (Stream<Path> libs = Files.isDirectory(libDir) ? Files.list(libDir) : Stream.empty()) {
            rocksDbJar = libs.filter(lib -> lib.getFileName().toString().matches("rocksdbjni-.*\\.jar")).findFirst();
        }
        if (rocksDbJar.isEmpty()) {
            return;
        }
        String entryName;
        String libraryName;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {rocksDbJar.get().toUri().toURL()}, null)) {
            Class<?> environment = loader.loadClass("org.rocksdb.util.Environment");
            entryName = (String) environment.getMethod("getJniLibraryFileName", String.class).invoke(null, "rocksdb");
            libraryName = System.mapLibraryName((String) environment.getMethod("getJniLibraryName", String.class).invoke(null, "rocksdb"));
        } catch (ReflectiveOperationException | LinkageError e) {
            return;
        }
        try (JarFile jar = new JarFile(rocksDbJar.get().toFile())) {
            JarEntry entry = jar.getJarEntry(entryName);
            if (entry == null) {
                return;
            }
            Files.createDirectories(target);
            try (InputStream library = jar.getInputStream(entry)) {
                Files.copy(library, target.resolve(libraryName), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
