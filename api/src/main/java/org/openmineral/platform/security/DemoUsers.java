package org.openmineral.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.openmineral.platform.security.SecurityProperties.User;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One user per role, named after it with the same word as password ({@code trader}/{@code trader}),
 * plus a second trader, {@code trader2}, for four-eyes steps. Embedded mode only: they let a
 * developer try every role at once, and must never exist against a real cluster.
 */
public final class DemoUsers {
  /** The traders' and the desk head's desk. */
  static final String DESK = "base-metals";

  private final List<User> users;

  private DemoUsers(final List<User> users) {
    this.users = List.copyOf(users);
  }

  static DemoUsers create(final PasswordEncoder encoder) {
    final List<String> names = new ArrayList<>(Roles.ALL);
    names.add(1, "trader2");
    final List<User> users =
        IntStream.range(0, names.size())
            .parallel()
            .mapToObj(i -> user(names.get(i), encoder))
            .toList();
    return new DemoUsers(users);
  }

  private static User user(final String name, final PasswordEncoder encoder) {
    final String role = name.equals("trader2") ? Roles.TRADER : name;
    final boolean onTheDesk = role.equals(Roles.TRADER) || role.equals(Roles.DESK_HEAD);
    return new User(name, encoder.encode(name), List.of(role), onTheDesk ? DESK : null);
  }

  /** The demo users, in the order the README lists them. */
  public List<User> users() {
    return users;
  }

  /** Their names, which are also their passwords. */
  public List<String> usernames() {
    return users.stream().map(User::username).toList();
  }
}
