package org.openmineral.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.platform.security.SecurityProperties.User;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users the application's own issuer knows: the configured ones and, in embedded mode, the demo
 * users (a configured user of the same name replaces the demo one).
 */
final class LocalUsers {
  private final Map<String, User> byName = new LinkedHashMap<>();
  private final PasswordEncoder encoder;

  /** Checked against when the username is unknown, so both cases take the same time. */
  private final String unknownUserHash;

  LocalUsers(final List<User> configured, final DemoUsers demo, final PasswordEncoder encoder) {
    this.encoder = encoder;
    if (demo != null) {
      demo.users().forEach(user -> byName.put(user.username(), user));
    }
    for (final User user : configured) {
      if (user.username() == null || user.username().isBlank()) {
        throw new IllegalArgumentException("openmineral.security.users: a user has no username");
      }
      if (user.passwordHash() == null || user.passwordHash().isBlank()) {
        throw new IllegalArgumentException(
            "openmineral.security.users: " + user.username() + " has no password-hash");
      }
      byName.put(user.username(), user);
    }
    this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
  }

  /** The user with this name and password; empty if either is wrong, without saying which. */
  Optional<User> authenticate(final String username, final String password) {
    final User user = byName.get(username);
    if (user == null) {
      encoder.matches(password, unknownUserHash);
      return Optional.empty();
    }
    return encoder.matches(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
  }
}
