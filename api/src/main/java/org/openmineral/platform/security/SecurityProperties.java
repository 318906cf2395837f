package org.openmineral.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.security.*}: who may call the API and how tokens are read and issued.
 *
 * @param rolesClaim the token claim that holds the roles, a dotted path for nested claims (e.g.
 *     {@code realm_access.roles} for Keycloak); the application's own tokens write it there too
 * @param localIssuer let the application issue tokens itself in cluster mode (with the configured
 *     {@link #users}, never the demo users); embedded mode does so whenever no external issuer is
 *     set
 * @param issuer the {@code iss} of the tokens the application issues
 * @param tokenLifetime how long an issued token is valid
 * @param keyDirectory where the signing key is kept; default {@code
 *     ${openmineral.data-dir}/security}
 * @param users users who may get a token from {@code POST /api/auth/token}
 */
@ConfigurationProperties("openmineral.security")
public record SecurityProperties(
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("false") boolean localIssuer,
    @DefaultValue("openmineral") String issuer,
    @DefaultValue("1h") Duration tokenLifetime,
    Path keyDirectory,
    @DefaultValue List<User> users) {

  /**
   * A user of the application's own token issuer.
   *
   * @param username the name given at login, and the token's {@code sub}
   * @param passwordHash a BCrypt hash ({@code $2a$…}, optionally prefixed {@code {bcrypt}}); never
   *     the password itself
   * @param roles e.g. {@code trader}, {@code desk-head}
   * @param desk the trading desk, if any; carried in the token's {@code desk} claim
   */
  public record User(String username, String passwordHash, List<String> roles, String desk) {
    public User {
      roles = roles == null ? List.of() : List.copyOf(roles);
    }
  }
}
