package org.openmineral.platform.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmineral.platform.security.SecurityProperties.User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Signs the application's own access tokens. */
final class TokenIssuer {
  private final JwtEncoder encoder;
  private final SecurityProperties properties;

  TokenIssuer(final JwtEncoder encoder, final SecurityProperties properties) {
    this.encoder = encoder;
    this.properties = properties;
  }

  /** The token answered by {@code POST /api/auth/token}. */
  record IssuedToken(String accessToken, long expiresInSeconds) {}

  IssuedToken issue(final User user) {
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(properties.issuer())
            .subject(user.username())
            .id(UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plus(properties.tokenLifetime()))
            .claim("preferred_username", user.username());
    Roles.claimAt(properties.rolesClaim(), user.roles()).forEach(claims::claim);
    if (user.desk() != null && !user.desk().isBlank()) {
      claims.claim("desk", user.desk());
    }
    final String token =
        encoder
            .encode(
                JwtEncoderParameters.from(
                    JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build(), claims.build()))
            .getTokenValue();
    return new IssuedToken(token, properties.tokenLifetime().toSeconds());
  }
}
