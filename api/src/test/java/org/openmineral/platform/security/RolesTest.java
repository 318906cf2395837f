package org.openmineral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesTest {
  @Test
  void rolesBecomeUpperCaseAuthoritiesWithUnderscores() {
    assertThat(Roles.authorityName("desk-head")).isEqualTo("DESK_HEAD");
    assertThat(Roles.authorityName("Trader")).isEqualTo("TRADER");
  }

  @Test
  void nestedClaimPathIsFollowed() {
    final Map<String, Object> keycloak =
        Map.of("realm_access", Map.of("roles", List.of("trader", "offline_access")));

    assertThat(Roles.read(keycloak, "realm_access.roles"))
        .containsExactly("trader", "offline_access");
    assertThat(Roles.read(keycloak, "roles")).isEmpty();
    assertThat(Roles.read(keycloak, "realm_access.roles.deeper")).isEmpty();
  }

  @Test
  void aStringClaimIsSplitOnSpacesAndCommas() {
    assertThat(Roles.read(Map.of("roles", "trader, risk admin"), "roles"))
        .containsExactly("trader", "risk", "admin");
  }

  @Test
  void issuedClaimsPutTheRolesWhereTheyAreRead() {
    final Map<String, Object> claims = Roles.claimAt("realm_access.roles", List.of("legal"));

    assertThat(Roles.read(claims, "realm_access.roles")).containsExactly("legal");
  }
}
