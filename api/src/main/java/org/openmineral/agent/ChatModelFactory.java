package org.openmineral.agent;

import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.azure.AzureOpenAiStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Optional;

/**
 * Builds the LangChain4j chat models of {@link AgentProperties}, by hand (the LangChain4j Spring
 * starters lag its core). Building makes no network call, so a wrong key or an unreachable server
 * shows at the first agent run (as a model error, which escalates), never at start-up.
 */
final class ChatModelFactory {
  private ChatModelFactory() {}

  static Optional<ChatModel> chatModel(final AgentProperties p) {
    return switch (p.provider()) {
      case NONE -> Optional.empty();
      case OPENAI, OPENAI_COMPATIBLE ->
          Optional.of(
              OpenAiChatModel.builder()
                  .baseUrl(baseUrl(p))
                  .apiKey(apiKey(p))
                  .modelName(required(p.model(), "model"))
                  .temperature(p.temperature())
                  .timeout(p.callTimeout())
                  .maxRetries(p.maxRetries())
                  .build());
      case AZURE_OPENAI -> {
        final AzureOpenAiChatModel.Builder azure =
            AzureOpenAiChatModel.builder()
                .endpoint(required(p.baseUrl(), "base-url"))
                .apiKey(required(p.apiKey(), "api-key"))
                .deploymentName(required(p.model(), "model"))
                .temperature(p.temperature())
                .timeout(p.callTimeout())
                .maxRetries(p.maxRetries());
        if (p.azureApiVersion() != null && !p.azureApiVersion().isBlank()) {
          azure.serviceVersion(p.azureApiVersion());
        }
        yield Optional.of(azure.build());
      }
    };
  }

  static Optional<StreamingChatModel> streamingChatModel(final AgentProperties p) {
    return switch (p.provider()) {
      case NONE -> Optional.empty();
      case OPENAI, OPENAI_COMPATIBLE ->
          Optional.of(
              OpenAiStreamingChatModel.builder()
                  .baseUrl(baseUrl(p))
                  .apiKey(apiKey(p))
                  .modelName(required(p.model(), "model"))
                  .temperature(p.temperature())
                  .timeout(p.callTimeout())
                  .build());
      case AZURE_OPENAI -> {
        final AzureOpenAiStreamingChatModel.Builder azure =
            AzureOpenAiStreamingChatModel.builder()
                .endpoint(required(p.baseUrl(), "base-url"))
                .apiKey(required(p.apiKey(), "api-key"))
                .deploymentName(required(p.model(), "model"))
                .temperature(p.temperature())
                .timeout(p.callTimeout())
                .maxRetries(p.maxRetries());
        if (p.azureApiVersion() != null && !p.azureApiVersion().isBlank()) {
          azure.serviceVersion(p.azureApiVersion());
        }
        yield Optional.of(azure.build());
      }
    };
  }

  private static String baseUrl(final AgentProperties p) {
    if (p.provider() == AgentProperties.Provider.OPENAI_COMPATIBLE) {
      return required(p.baseUrl(), "base-url");
    }
    return p.baseUrl() == null || p.baseUrl().isBlank() ? null : p.baseUrl();
  }

  /** OpenAI-compatible servers often need no key; the client still wants one. */
  private static String apiKey(final AgentProperties p) {
    if (p.provider() == AgentProperties.Provider.OPENAI_COMPATIBLE
        && (p.apiKey() == null || p.apiKey().isBlank())) {
      return "none";
    }
    return required(p.apiKey(), "api-key");
  }

  private static String required(final String value, final String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "openmineral.agents." + property + " is required for this provider");
    }
    return value;
  }
}
