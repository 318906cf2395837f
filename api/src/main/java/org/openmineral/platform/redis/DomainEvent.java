package org.openmineral.platform.redis;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, as every application instance hears it: {@code type} such as {@code
 * credit.reserved}, the {@code id} of what it happened to, and when. Listeners read the details
 * through the API; the event only says what to re-read.
 */
public record DomainEvent(String type, String id, Instant at) {
  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
  }
}
