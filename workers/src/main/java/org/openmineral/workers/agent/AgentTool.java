package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.function.Function;

/**
 * A read-only tool an agent may call: its specification (name, description, JSON parameters) as the
 * model sees it, and the look-up that answers it. Tools only read: they are built on look-up ports
 * (no command, no write), and the application runs each look-up in a read-only transaction, so a
 * tool cannot change state without a person's step.
 *
 * @param specification what the model is told about the tool
 * @param lookUp answers one call: the parsed arguments in, a JSON-serialisable answer out
 */
public record AgentTool(ToolSpecification specification, Function<JsonNode, Object> lookUp) {

  public String name() {
    return specification.name();
  }
}
