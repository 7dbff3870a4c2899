package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretKeysTest {

    @Test
    void aDataFolderGetsItsOwnRandomKeyAndKeepsItAcrossRestarts(@TempDir Path first, @TempDir Path second) throws Exception {
        String keys = LocalSecretKeys.loadOrCreate(first);

        assertThat(keys).startsWith("local1:");
        assertThat(Base64.getDecoder().decode(keys.substring("local1:".length()))).hasSize(32);
        assertThat(LocalSecretKeys.loadOrCreate(first)).as("same key after a restart").isEqualTo(keys);
        assertThat(LocalSecretKeys.loadOrCreate(second)).as("another installation").isNotEqualTo(keys);
    }
}
