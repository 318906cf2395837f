package org.openmineral.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Test only: a LangChain4j {@link StreamingChatModel} answering from a script like {@link
 * ScriptedChatModel}; a text answer is streamed word by word before the complete response. No
 * network.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {
  private final List<Function<ChatRequest, AiMessage>> steps;
  private final AtomicInteger next = new AtomicInteger();
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

  @SafeVarargs
  public ScriptedStreamingChatModel(final Function<ChatRequest, AiMessage>... steps) {
    this.steps = List.copyOf(Arrays.asList(steps));
  }

  @Override
  public void doChat(final ChatRequest request, final StreamingChatResponseHandler handler) {
    requests.add(request);
    final int step = next.getAndIncrement();
    final AiMessage message;
    try {
      if (step >= steps.size()) {
        throw new IllegalStateException("the script has no step " + (step + 1));
      }
      message = steps.get(step).apply(request);
    } catch (final RuntimeException e) {
      handler.onError(e);
      return;
    }
    if (message.text() != null && !message.hasToolExecutionRequests()) {
      for (final String part : message.text().split("(?<= )")) {
        handler.onPartialResponse(part);
      }
    }
    handler.onCompleteResponse(ChatResponse.builder().aiMessage(message).build());
  }

  /** The requests received, in order. */
  public List<ChatRequest> requests() {
    return requests;
  }
}
