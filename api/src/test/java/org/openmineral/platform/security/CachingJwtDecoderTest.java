package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {
  private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");

  private final AtomicInteger delegateCalls = new AtomicInteger();

  private JwtDecoder delegate(final Instant expiresAt) {
    return token -> {
      delegateCalls.incrementAndGet();
      if (token.startsWith("bad")) {
        throw new BadJwtException("signature does not match");
      }
      return Jwt.withTokenValue(token)
          .header("alg", "RS256")
          .subject("trader")
          .issuedAt(ISSUED)
          .expiresAt(expiresAt)
          .build();
    };
  }

  private static JwtTimestampValidator at(final Instant now) {
    final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
    validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
    return validator;
  }

  @Test
  void aTokenAcceptedOnceIsNotDecodedAgain() {
    final CachingJwtDecoder decoder =
        new CachingJwtDecoder(delegate(ISSUED.plusSeconds(3600)), at(ISSUED.plusSeconds(60)));

    final Jwt first = decoder.decode("token-a");
    final Jwt second = decoder.decode("token-a");
    decoder.decode("token-b");

    assertThat(second).isSameAs(first);
    assertThat(second.getSubject()).isEqualTo("trader");
    assertThat(delegateCalls).hasValue(2);
  }

  @Test
  void aRememberedTokenStopsWorkingWhenItExpires() {
    final Instant expiry = ISSUED.plusSeconds(600);
    final Instant[] now = {ISSUED};
    final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
    validator.setClock(
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(final java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        });
    final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate(expiry), validator);
    decoder.decode("token-a");

    now[0] = expiry.plusSeconds(1);

    assertThatThrownBy(() -> decoder.decode("token-a"))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(delegateCalls).hasValue(1);
    // forgotten: the next use goes to the delegate again (which decides for itself)
    decoder.decode("token-a");
    assertThat(delegateCalls).hasValue(2);
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    final CachingJwtDecoder decoder =
        new CachingJwtDecoder(delegate(ISSUED.plusSeconds(3600)), at(ISSUED));

    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
    assertThat(delegateCalls).hasValue(2);
  }
}
