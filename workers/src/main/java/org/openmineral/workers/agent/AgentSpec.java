package org.openmineral.workers.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * What one agent run is: its instructions, the case it gets, the tools it may call and the schema
 * its answer must meet.
 *
 * @param instructions the system message: role, rules, how to answer
 * @param input the user message: only the facts the agent needs (personal data it does not need is
 *     left out by the agent; the framework also redacts contact details)
 * @param tools the read-only tools it may call
 * @param schema the result schema
 * @param checks checks of a schema-valid answer against the case (e.g. it cites only entries the
 *     case has): the problems found, empty when it passes
 */
public record AgentSpec(
    String instructions,
    String input,
    List<AgentTool> tools,
    AgentResultSchema schema,
    Function<JsonNode, List<String>> checks) {

  public AgentSpec {
    tools = List.copyOf(tools);
  }

  /** A spec whose answers need only meet the schema. */
  public AgentSpec(
      final String instructions,
      final String input,
      final List<AgentTool> tools,
      final AgentResultSchema schema) {
    this(instructions, input, tools, schema, answer -> List.of());
  }
}
