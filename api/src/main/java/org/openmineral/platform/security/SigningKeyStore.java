package org.openmineral.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The RSA key (RS256, 2048 bits) the application signs its own tokens with, generated on first use
 * and kept as a JWK in {@code <directory>/token-signing-key.jwk}, readable by the owner only, so
 * tokens stay valid across restarts. Deleting the file invalidates every token issued so far.
 */
public final class SigningKeyStore {
  static final String FILE_NAME = "token-signing-key.jwk";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private SigningKeyStore() {}

  /** The key in {@code directory}, created there (with the directory) if there is none yet. */
  public static RSAKey loadOrCreate(final Path directory) {
    final Path file = directory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(directory, file);
      }
      return read(file);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot keep the token signing key in " + directory, e);
    }
  }

  private static RSAKey read(final Path file) throws IOException {
    try {
      final RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!key.isPrivate()) {
        throw new IllegalStateException(file + " holds no private key");
      }
      return key;
    } catch (final ParseException e) {
      throw new IllegalStateException(file + " is not a JSON Web Key: " + e.getMessage(), e);
    }
  }

  private static void create(final Path directory, final Path file) throws IOException {
    final boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(
          directory, posix ? attributes(OWNER_ONLY_DIRECTORY) : new FileAttribute<?>[0]);
    }
    final RSAKey key;
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID(UUID.randomUUID().toString())
              .generate();
    } catch (final JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
    // Written in full under another name, then moved: a crash never leaves half a key behind.
    final Path temporary =
        Files.createTempFile(
            directory,
            "signing-",
            ".tmp",
            posix ? attributes(OWNER_ONLY) : new FileAttribute<?>[0]);
    try {
      Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (final AtomicMoveNotSupportedException e) {
        Files.move(temporary, file);
      }
    } catch (final FileAlreadyExistsException e) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<?>[] attributes(final Set<PosixFilePermission> permissions) {
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }
}
