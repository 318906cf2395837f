package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {
  @TempDir Path directory;

  @Test
  void theKeyIsCreatedOnceAndReadBackUnchanged() throws Exception {
    final Path security = directory.resolve("security");

    final RSAKey created = SigningKeyStore.loadOrCreate(security);
    final RSAKey readBack = SigningKeyStore.loadOrCreate(security);

    assertThat(readBack).isEqualTo(created);
    assertThat(readBack.toRSAPrivateKey()).isEqualTo(created.toRSAPrivateKey());
    assertThat(created.size()).isEqualTo(2048);
    assertThat(created.getKeyID()).isNotBlank();
    assertThat(Files.list(security)).containsExactly(security.resolve(SigningKeyStore.FILE_NAME));
  }

  @Test
  void aTokenSignedBeforeARestartVerifiesAfterIt() throws Exception {
    final Path security = directory.resolve("security");
    final Instant now = Instant.now();
    final String token =
        SecurityApiTest.sign(
            SigningKeyStore.loadOrCreate(security),
            "trader",
            List.of("trader"),
            now,
            now.plusSeconds(60));

    final RSAKey afterRestart = SigningKeyStore.loadOrCreate(security);

    assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(afterRestart.toRSAPublicKey())))
        .isTrue();
  }

  @Test
  void onlyTheOwnerMayReadTheKey() throws Exception {
    final Path security = directory.resolve("security");
    SigningKeyStore.loadOrCreate(security);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(security.resolve(SigningKeyStore.FILE_NAME))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(security)))
        .isEqualTo("rwx------");
  }

  @Test
  void anotherFolderHasAnotherKey() {
    assertThat(SigningKeyStore.loadOrCreate(directory.resolve("a")))
        .isNotEqualTo(SigningKeyStore.loadOrCreate(directory.resolve("b")));
  }
}
