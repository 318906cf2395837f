package org.openmineral.platform.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login of the application's own issuer: a username and password for a bearer token. Absent
 * when an external identity provider issues the tokens.
 */
@RestController
@Conditional(IssuerMode.Local.class)
class TokenController {
  static final String PATH = "/api/auth/token";

  private final LocalUsers users;
  private final TokenIssuer issuer;

  TokenController(final LocalUsers users, final TokenIssuer issuer) {
    this.users = users;
    this.issuer = issuer;
  }

  record Login(String username, String password) {}

  /** As in OAuth 2.0 (RFC 6749, 5.1). */
  record Token(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}

  @PostMapping(PATH)
  ResponseEntity<?> token(@RequestBody final Login login) {
    if (login.username() == null || login.username().isBlank()) {
      throw new InvalidRequestField("username", "is required");
    }
    if (login.password() == null || login.password().isEmpty()) {
      throw new InvalidRequestField("password", "is required");
    }
    return users
        .authenticate(login.username(), login.password())
        .<ResponseEntity<?>>map(
            user -> {
              final TokenIssuer.IssuedToken token = issuer.issue(user);
              return ResponseEntity.ok()
                  .cacheControl(CacheControl.noStore())
                  .body(new Token(token.accessToken(), "Bearer", token.expiresInSeconds()));
            })
        .orElseGet(() -> ResponseEntity.status(401).body(SecurityProblems.badCredentials()));
  }
}
