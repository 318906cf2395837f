package org.openmineral.workers.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Optional;

/**
 * The chat model an agent talks to, from the configuration ({@code openmineral.agents.provider}).
 * Empty when no model is configured: the agent then escalates with the cause {@link
 * EscalationCause#NO_MODEL} and the application runs on without one.
 */
public interface AgentModels {

  /** The model for {@code task}, or empty when none is configured. */
  Optional<ChatModel> chatModel(AgentTask task);

  /** The streaming model for {@code task} (the copilot), or empty when none is configured. */
  default Optional<StreamingChatModel> streamingChatModel(final AgentTask task) {
    return Optional.empty();
  }
}
