package org.openmineral.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens another decoder accepted, so that a client sending the same token with every
 * request costs one signature check and claim conversion, not one per request. A remembered token
 * is checked again for its time claims ({@code exp}, {@code nbf}, with the same clock skew as the
 * default validators) on every use, so it stops working when it expires; its signature, issuer and
 * other claims cannot change, since the cache key is the whole signed token. Tokens the delegate
 * refuses are not remembered.
 */
final class CachingJwtDecoder implements JwtDecoder {
  static final int MAX_TOKENS = 10_000;
  static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

  private final JwtDecoder delegate;
  private final OAuth2TokenValidator<Jwt> timestamps;
  private final Cache<String, Jwt> accepted;

  CachingJwtDecoder(final JwtDecoder delegate) {
    this(delegate, new JwtTimestampValidator());
  }

  CachingJwtDecoder(final JwtDecoder delegate, final OAuth2TokenValidator<Jwt> timestamps) {
    this.delegate = delegate;
    this.timestamps = timestamps;
    this.accepted =
        Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(REMEMBER_FOR).build();
  }

  @Override
  public Jwt decode(final String token) throws JwtException {
    final Jwt known = accepted.getIfPresent(token);
    if (known == null) {
      final Jwt decoded = delegate.decode(token);
      accepted.put(token, decoded);
      return decoded;
    }
    final OAuth2TokenValidatorResult result = timestamps.validate(known);
    if (result.hasErrors()) {
      accepted.invalidate(token);
      throw new JwtValidationException(
          "An error occurred while attempting to decode the Jwt: "
              + result.getErrors().iterator().next().getDescription(),
          result.getErrors());
    }
    return known;
  }
}
