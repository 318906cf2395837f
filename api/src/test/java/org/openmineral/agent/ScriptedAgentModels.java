package org.openmineral.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openmineral.workers.agent.AgentModels;
import org.openmineral.workers.agent.AgentTask;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test only: the agents' models in the test application. A test scripts a model for its own subject
 * (e.g. its counterparty's id); every other task gets what the configuration gives (no model), so
 * tests sharing the application do not see each other's scripts.
 */
@Component
@Primary
public class ScriptedAgentModels implements AgentModels {
  private final ConfiguredModels configured;
  private final Map<String, ChatModel> scripts = new ConcurrentHashMap<>();
  private final Map<String, StreamingChatModel> streamingScripts = new ConcurrentHashMap<>();

  public ScriptedAgentModels(final ConfiguredModels configured) {
    this.configured = configured;
  }

  /** Tasks about {@code subject} talk to {@code model} from now on. */
  public void script(final String subject, final ChatModel model) {
    scripts.put(subject, model);
  }

  /** Streaming tasks (the copilot) about {@code subject} talk to {@code model} from now on. */
  public void script(final String subject, final StreamingChatModel model) {
    streamingScripts.put(subject, model);
  }

  @Override
  public Optional<StreamingChatModel> streamingChatModel(final AgentTask task) {
    final StreamingChatModel scripted = streamingScripts.get(task.subject());
    return scripted != null ? Optional.of(scripted) : configured.streamingChatModel(task);
  }

  @Override
  public Optional<ChatModel> chatModel(final AgentTask task) {
    final ChatModel scripted = scripts.get(task.subject());
    return scripted != null ? Optional.of(scripted) : configured.chatModel(task);
  }
}
