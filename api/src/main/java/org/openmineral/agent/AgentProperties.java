package org.openmineral.agent;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.agents.*}: the chat model the agents and the copilot use, and their
 * guardrails. With {@code provider: none} (the default) no model is built: agents escalate every
 * task with "no model configured" and the copilot answers 503; the application starts either way.
 *
 * @param provider none, openai, azure-openai or openai-compatible (Ollama, vLLM, LM Studio...)
 * @param baseUrl openai: optional (default api.openai.com); openai-compatible: required, e.g.
 *     {@code http://localhost:11434/v1}; azure-openai: the resource endpoint, e.g. {@code
 *     https://my-resource.openai.azure.com/}
 * @param apiKey the provider's key; openai-compatible servers often take any value
 * @param model the model name (azure-openai: the deployment name)
 * @param azureApiVersion azure-openai only: the service version, empty for the SDK's default
 * @param temperature sampling temperature; 0 for repeatable answers
 * @param callTimeout the longest one model call may take (also the HTTP client's timeout)
 * @param totalTimeout the longest one agent run may take, tools included
 * @param maxToolCalls tool calls allowed in one run
 * @param confidenceThreshold agent results below this confidence escalate to a person
 * @param maxRetries retries of a failed HTTP call by the provider client
 */
@ConfigurationProperties("openmineral.agents")
public record AgentProperties(
    @DefaultValue("none") Provider provider,
    String baseUrl,
    String apiKey,
    String model,
    String azureApiVersion,
    @DefaultValue("0") double temperature,
    @DefaultValue("60s") Duration callTimeout,
    @DefaultValue("3m") Duration totalTimeout,
    @DefaultValue("8") int maxToolCalls,
    @DefaultValue("0.80") BigDecimal confidenceThreshold,
    @DefaultValue("1") int maxRetries) {

  /** The supported providers. */
  public enum Provider {
    NONE,
    OPENAI,
    AZURE_OPENAI,
    OPENAI_COMPATIBLE
  }
}
