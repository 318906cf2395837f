package org.openmineral.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Test only: a LangChain4j {@link ChatModel} that answers from a script, one step per call (a tool
 * call, a text answer, a failure, a delay), and keeps every request it got. No network.
 */
public final class ScriptedChatModel implements ChatModel {
  private final List<Function<ChatRequest, AiMessage>> steps;
  private final AtomicInteger next = new AtomicInteger();
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

  @SafeVarargs
  public ScriptedChatModel(final Function<ChatRequest, AiMessage>... steps) {
    this.steps = List.copyOf(Arrays.asList(steps));
  }

  /** A step that calls {@code tool} with {@code arguments} (JSON). */
  public static Function<ChatRequest, AiMessage> toolCall(
      final String tool, final String arguments) {
    return request ->
        AiMessage.from(
            ToolExecutionRequest.builder()
                .id("call-" + tool + "-" + request.messages().size())
                .name(tool)
                .arguments(arguments)
                .build());
  }

  /** A step that answers {@code text}. */
  public static Function<ChatRequest, AiMessage> answer(final String text) {
    return request -> AiMessage.from(text);
  }

  /** A step that fails as a provider does (HTTP error, refused request). */
  public static Function<ChatRequest, AiMessage> failure(final String message) {
    return request -> {
      throw new IllegalStateException(message);
    };
  }

  /** A step that takes {@code delay} before answering {@code text}. */
  public static Function<ChatRequest, AiMessage> slowAnswer(
      final Duration delay, final String text) {
    return slow(delay, answer(text));
  }

  /** {@code step}, taking {@code delay} first. */
  public static Function<ChatRequest, AiMessage> slow(
      final Duration delay, final Function<ChatRequest, AiMessage> step) {
    return request -> {
      try {
        Thread.sleep(delay);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return step.apply(request);
    };
  }

  @Override
  public ChatResponse doChat(final ChatRequest request) {
    requests.add(request);
    final int step = next.getAndIncrement();
    if (step >= steps.size()) {
      throw new IllegalStateException("the script has no step " + (step + 1));
    }
    return ChatResponse.builder().aiMessage(steps.get(step).apply(request)).build();
  }

  /** The requests received, in order. */
  public List<ChatRequest> requests() {
    return requests;
  }

  /** The text of the (last) user message of the first request: the case the agent got. */
  public String caseText() {
    final List<String> users = new ArrayList<>();
    for (final ChatMessage message : requests.get(0).messages()) {
      if (message instanceof UserMessage user) {
        users.add(user.singleText());
      }
    }
    return users.get(users.size() - 1);
  }
}
