package org.openmineral.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Optional;
import org.openmineral.workers.agent.AgentModels;
import org.openmineral.workers.agent.AgentTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat models built from {@link AgentProperties}, or none. A provider whose settings are
 * incomplete (no key, no model name) leaves the application without a model, logged as an error,
 * rather than failing its start: agents then escalate with "no model configured".
 */
public final class ConfiguredModels implements AgentModels {
  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredModels.class);

  private final Optional<ChatModel> chat;
  private final Optional<StreamingChatModel> streaming;
  private final String description;

  ConfiguredModels(final AgentProperties properties) {
    Optional<ChatModel> chatModel = Optional.empty();
    Optional<StreamingChatModel> streamingModel = Optional.empty();
    String described = "no model configured";
    try {
      chatModel = ChatModelFactory.chatModel(properties);
      streamingModel = ChatModelFactory.streamingChatModel(properties);
      if (chatModel.isPresent()) {
        described =
            properties.provider().name().toLowerCase(java.util.Locale.ROOT)
                + " model "
                + properties.model();
      }
    } catch (final RuntimeException e) {
      LOG.error(
          "Agents run without a model: provider {} is not usable: {}",
          properties.provider(),
          e.getMessage());
      chatModel = Optional.empty();
      streamingModel = Optional.empty();
      described = "no model configured (" + e.getMessage() + ")";
    }
    this.chat = chatModel;
    this.streaming = streamingModel;
    this.description = described;
    LOG.info("Agents: {}", description);
  }

  @Override
  public Optional<ChatModel> chatModel(final AgentTask task) {
    return chat;
  }

  /** The streaming model the copilot uses, or empty. */
  public Optional<StreamingChatModel> streamingChatModel() {
    return streaming;
  }

  @Override
  public Optional<StreamingChatModel> streamingChatModel(final AgentTask task) {
    return streaming;
  }

  /** What is configured, for logs and problems. */
  public String description() {
    return description;
  }
}
