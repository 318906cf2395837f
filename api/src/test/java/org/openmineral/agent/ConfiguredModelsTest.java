package org.openmineral.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openmineral.workers.agent.AgentTask;

/** Models from the settings: none by default, and a usable provider never blocks the start. */
class ConfiguredModelsTest {
  private static final AgentTask TASK = AgentTask.forUser("test", "c", "trader");

  private static AgentProperties properties(
      final AgentProperties.Provider provider,
      final String baseUrl,
      final String apiKey,
      final String model) {
    return new AgentProperties(
        provider,
        baseUrl,
        apiKey,
        model,
        null,
        0,
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        8,
        new BigDecimal("0.8"),
        1);
  }

  @Test
  void providerNoneGivesNoModel() {
    final ConfiguredModels models =
        new ConfiguredModels(properties(AgentProperties.Provider.NONE, null, null, null));

    assertThat(models.chatModel(TASK)).isEmpty();
    assertThat(models.streamingChatModel()).isEmpty();
    assertThat(models.description()).isEqualTo("no model configured");
  }

  @Test
  void openAiWithoutAKeyLeavesTheApplicationWithoutAModelInsteadOfFailingItsStart() {
    final ConfiguredModels models =
        new ConfiguredModels(properties(AgentProperties.Provider.OPENAI, null, null, "gpt-4o"));

    assertThat(models.chatModel(TASK)).isEmpty();
    assertThat(models.description())
        .startsWith("no model configured")
        .contains("openmineral.agents.api-key");
  }

  @Test
  void openAiCompatibleServerNeedsABaseUrlButNoKey() {
    final ConfiguredModels models =
        new ConfiguredModels(
            properties(
                AgentProperties.Provider.OPENAI_COMPATIBLE,
                "http://127.0.0.1:11434/v1",
                null,
                "llama3.1"));

    assertThat(models.chatModel(TASK)).get().isInstanceOf(OpenAiChatModel.class);
    assertThat(models.streamingChatModel()).isPresent();
    assertThat(models.description()).isEqualTo("openai_compatible model llama3.1");
  }

  @Test
  void azureOpenAiNeedsItsEndpointKeyAndDeployment() {
    assertThat(
            new ConfiguredModels(
                    properties(
                        AgentProperties.Provider.AZURE_OPENAI,
                        "https://example-resource.openai.azure.com/",
                        "secret",
                        "gpt-4o-deployment"))
                .chatModel(TASK))
        .isPresent();
    assertThat(
            new ConfiguredModels(
                    properties(AgentProperties.Provider.AZURE_OPENAI, null, "secret", "d"))
                .description())
        .contains("openmineral.agents.base-url");
  }
}
