package org.openmineral.platform.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis mode ({@code openmineral.redis.address} set): one Redisson client to the configured server,
 * the distributed credit lock and the domain events on a Redis topic. The Redisson and Spring Data
 * Redis auto-configurations are excluded in {@code application.yaml}, so nothing connects to Redis
 * unless the address is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${openmineral.redis.address:}'.isBlank()")
class RedisConfiguration {

  @Bean(destroyMethod = "shutdown")
  RedissonClient redisson(final RedisSettings settings) {
    final Config config = new Config();
    config.useSingleServer().setAddress(settings.address().trim());
    return Redisson.create(config);
  }

  @Bean
  CounterpartyLocks redisCounterpartyLocks(
      final RedissonClient redisson, final RedisSettings settings) {
    return new RedissonCounterpartyLocks(redisson, settings);
  }

  @Bean
  DomainEvents redisDomainEvents(
      final RedissonClient redisson, final RedisSettings settings, final ObjectMapper json) {
    return new RedissonDomainEvents(redisson, settings.eventsTopic(), json);
  }
}
