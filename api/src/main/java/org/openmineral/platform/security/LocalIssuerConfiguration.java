package org.openmineral.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.file.Path;
import org.openmineral.platform.engine.EmbeddedEngineMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The application as its own token issuer, when no external one is configured: an RS256 key kept
 * under {@code ${openmineral.data-dir}/security}, the configured users, and in embedded mode the
 * demo users. Tokens are checked with the same key, so the rest of the security is the same in both
 * cases.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IssuerMode.Local.class)
class LocalIssuerConfiguration {

  @Bean
  RSAKey tokenSigningKey(final SecurityProperties properties, final Environment environment) {
    final Path directory =
        properties.keyDirectory() != null
            ? properties.keyDirectory()
            : Path.of(environment.getProperty("openmineral.data-dir", "data")).resolve("security");
    return SigningKeyStore.loadOrCreate(directory);
  }

  @Bean
  JwtDecoder localJwtDecoder(final RSAKey key, final SecurityProperties properties)
      throws Exception {
    final NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return decoder;
  }

  @Bean
  JwtEncoder localJwtEncoder(final RSAKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
  }

  /** BCrypt, also for hashes written with a {@code {bcrypt}} or other Spring prefix. */
  @Bean
  PasswordEncoder passwordEncoder() {
    final DelegatingPasswordEncoder encoder =
        (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
    encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
    return encoder;
  }

  @Bean
  LocalUsers localUsers(
      final SecurityProperties properties,
      final PasswordEncoder encoder,
      final ObjectProvider<DemoUsers> demoUsers) {
    return new LocalUsers(properties.users(), demoUsers.getIfAvailable(), encoder);
  }

  @Bean
  TokenIssuer tokenIssuer(final JwtEncoder encoder, final SecurityProperties properties) {
    return new TokenIssuer(encoder, properties);
  }

  /** The demo users exist in embedded mode only, never against a cluster. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(EmbeddedEngineMode.class)
  static class DemoUserConfiguration {
    @Bean
    DemoUsers demoUsers(final PasswordEncoder encoder) {
      return DemoUsers.create(encoder);
    }
  }
}
