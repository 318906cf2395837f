package org.openmineral.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The desk a signed-in user works for: the token's {@code desk} claim. Users with a desk see only
 * their desk's deals and what derives from them; admins and users without a desk see every desk.
 */
public final class Desks {
  private Desks() {}

  /** The user's desk, or null when the user sees every desk. */
  public static String of(final Authentication user) {
    if (user == null
        || user.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.authorityName(Roles.ADMIN)))) {
      return null;
    }
    if (user instanceof JwtAuthenticationToken token) {
      final String desk = token.getToken().getClaimAsString("desk");
      return desk == null || desk.isBlank() ? null : desk;
    }
    return null;
  }
}
