package org.openmineral.platform.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Redis ({@code openmineral.redis.address} not set, the embedded default): the same features
 * inside this JVM. Correct for one application instance only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${openmineral.redis.address:}'.isBlank()")
class LocalConfiguration {

  @Bean
  CounterpartyLocks localCounterpartyLocks(final RedisSettings settings) {
    return new LocalCounterpartyLocks(settings);
  }

  @Bean
  DomainEvents localDomainEvents() {
    return new LocalDomainEvents();
  }
}
