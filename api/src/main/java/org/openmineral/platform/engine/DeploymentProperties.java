package org.openmineral.platform.engine;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.deployment.*}: what is deployed to the engine at start-up.
 *
 * @param locations Spring resource patterns; the packaged {@code bpmn/} and {@code forms/} by
 *     default, {@code file:} patterns to deploy straight from a working copy
 */
@ConfigurationProperties("openmineral.deployment")
public record DeploymentProperties(
    @DefaultValue({
          "classpath*:bpmn/**/*.bpmn",
          "classpath*:bpmn/**/*.dmn",
          "classpath*:forms/**/*.form"
        })
        List<String> locations) {}
