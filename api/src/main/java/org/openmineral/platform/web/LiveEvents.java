package org.openmineral.platform.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events}: the domain events of every application instance (the pub/sub of {@link
 * DomainEvents}: tasks, deals, counterparties, credit, prices) as server-sent events named {@code
 * domain}, each {@code {"type", "id", "at"}}, so the web app re-reads what changed. Events say what
 * changed, never the data, so every signed-in user may listen. A comment every {@link #HEARTBEAT}
 * keeps proxies from closing an idle stream; a stream ends after {@link #LIFETIME} and the client
 * reconnects (re-checking its token). The client must accept {@code text/event-stream}.
 */
@RestController
public class LiveEvents {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final URI NOT_ACCEPTABLE = URI.create("https://openmineral.org/problems/not-acceptable");

  private final DomainEvents events;
  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

  /** Writes to the streams, off the publishing thread (which may be the engine's record feed). */
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("live-events").unstarted(runnable));

  public LiveEvents(final DomainEvents events) {
    this.events = events;
    writer.scheduleWithFixedDelay(
        this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  @GetMapping("/api/events")
  ResponseEntity<?> stream(
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) final String accept) {
    if (!acceptsEventStream(accept)) {
      final ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_ACCEPTABLE,
              "This is a stream of server-sent events: send Accept: text/event-stream.");
      problem.setType(NOT_ACCEPTABLE);
      problem.setTitle("Not acceptable");
      return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    final SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    final AutoCloseable subscription =
        events.subscribe(event -> writer.execute(() -> send(emitter, event)));
    final Runnable close =
        () -> {
          open.remove(emitter);
          try {
            subscription.close();
          } catch (final Exception e) {
            // nothing more to release
          }
        };
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    open.add(emitter);
    try {
      emitter.send(SseEmitter.event().comment("connected").reconnectTime(2000));
    } catch (final IOException e) {
      close.run();
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }

  static boolean acceptsEventStream(final String accept) {
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(
              type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType());
    } catch (final RuntimeException e) {
      return false;
    }
  }

  private void send(final SseEmitter emitter, final DomainEvent event) {
    try {
      emitter.send(SseEmitter.event().name("domain").data(event, MediaType.APPLICATION_JSON));
    } catch (final IOException | IllegalStateException e) {
      emitter.completeWithError(e);
    }
  }

  private void beat() {
    for (final SseEmitter emitter : List.copyOf(open)) {
      try {
        emitter.send(SseEmitter.event().comment("heartbeat"));
      } catch (final IOException | IllegalStateException e) {
        open.remove(emitter);
        emitter.completeWithError(e);
      }
    }
  }

  /** Open streams, for the live-updates test. */
  int openStreams() {
    return open.size();
  }

  @PreDestroy
  void close() {
    writer.shutdownNow();
    for (final SseEmitter emitter : List.copyOf(open)) {
      emitter.complete();
    }
  }
}
