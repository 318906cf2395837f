package org.openmineral.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The application's roles and how a token's roles become Spring authorities: {@code desk-head}
 * becomes {@code ROLE_DESK_HEAD}. Roles are read from the configured claim, which may be a dotted
 * path into nested objects ({@code realm_access.roles}) and may hold a list or a string of names
 * separated by spaces or commas.
 */
public final class Roles {
  public static final String TRADER = "trader";
  public static final String DESK_HEAD = "desk-head";
  public static final String RISK = "risk";
  public static final String COMPLIANCE = "compliance";
  public static final String LEGAL = "legal";
  public static final String OPERATIONS = "operations";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";

  /** Every role the application knows, in the order the README lists them. */
  public static final List<String> ALL =
      List.of(TRADER, DESK_HEAD, RISK, COMPLIANCE, LEGAL, OPERATIONS, AUDITOR, ADMIN);

  private Roles() {}

  /**
   * The authority name without Spring's {@code ROLE_} prefix: {@code desk-head} → {@code
   * DESK_HEAD}.
   */
  public static String authorityName(final String role) {
    return role.trim().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The roles at {@code claimPath} in {@code claims}, empty if the claim is absent. */
  public static List<String> read(final Map<String, Object> claims, final String claimPath) {
    Object value = claims;
    for (final String part : claimPath.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return List.of();
      }
      value = map.get(part);
    }
    final Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> collection) {
      collection.stream().filter(r -> r != null).map(Object::toString).forEach(roles::add);
    } else if (value instanceof String text) {
      roles.addAll(List.of(text.split("[\\s,]+")));
    }
    roles.removeIf(String::isBlank);
    return new ArrayList<>(roles);
  }

  /** Claims holding {@code roles} at the dotted {@code claimPath}, for tokens being issued. */
  static Map<String, Object> claimAt(final String claimPath, final List<String> roles) {
    final String[] parts = claimPath.split("\\.");
    Object value = roles;
    for (int i = parts.length - 1; i >= 0; i--) {
      value = Map.of(parts[i], value);
    }
    @SuppressWarnings("unchecked")
    final Map<String, Object> claims = (Map<String, Object>) value;
    return claims;
  }

  /** Turns a validated token into an authentication whose authorities are its roles. */
  static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter(
      final String claimPath) {
    return jwt -> {
      final List<GrantedAuthority> authorities =
          read(jwt.getClaims(), claimPath).stream()
              .map(
                  role ->
                      (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + authorityName(role)))
              .toList();
      final String name =
          jwt.hasClaim("preferred_username")
              ? jwt.getClaimAsString("preferred_username")
              : jwt.getSubject();
      return new JwtAuthenticationToken(jwt, authorities, name);
    };
  }
}
