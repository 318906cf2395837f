package org.openmineral.platform.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain events on a Redis topic as JSON {@code {"type", "id", "at"}}: every instance subscribed to
 * the topic receives every event, the publishing one included.
 */
final class RedissonDomainEvents implements DomainEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RedissonDomainEvents.class);
  private final RTopic topic;
  private final ObjectMapper json;

  RedissonDomainEvents(final RedissonClient redisson, final String topic, final ObjectMapper json) {
    this.topic = redisson.getTopic(topic, StringCodec.INSTANCE);
    this.json = json;
  }

  @Override
  public void publish(final DomainEvent event) {
    try {
      topic.publish(json.writeValueAsString(event));
    } catch (final JsonProcessingException | RuntimeException e) {
      // an event is a hint to re-read; the change it reports is already committed
      LOG.warn("Could not publish {}: {}", event, e.toString());
    }
  }

  @Override
  public AutoCloseable subscribe(final Consumer<DomainEvent> listener) {
    final int id =
        topic.addListener(
            String.class,
            (channel, message) -> {
              try {
                listener.accept(json.readValue(message, DomainEvent.class));
              } catch (final JsonProcessingException | RuntimeException e) {
                LOG.warn("A listener failed on {}: {}", message, e.toString());
              }
            });
    return () -> topic.removeListener(id);
  }
}
