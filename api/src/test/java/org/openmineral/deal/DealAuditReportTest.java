package org.openmineral.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Replay and audit report of a deal's trade lifecycle, up to the hedging it calls: the history of
 * the lifecycle instance holds its called instances, every element id in it is an element of the
 * deployed model of its process, and the deal's audit report (HTML and PDF) has the lifecycle, the
 * called instances, who approved, the deal's activity and the verification result.
 */
class DealAuditReportTest extends DealProcessSupport {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aDealsHistoryMatchesTheModelsAndItsAuditReportCoversItsCalledInstances() throws Exception {
    // given a deal approved by a second trader, its contract cleared, hedging called
    final String counterparty = approvedCounterparty("Audit Copper SA", 10_000_000);
    final JsonNode captured = capture("trader", dealBody(counterparty, 500, 500_000));
    final String dealId = captured.get("id").asText();
    final long instance = Long.parseLong(captured.get("processInstanceKey").asText());
    final long approval = awaitUserTask(instance, "approve-deal");
    assertThat(complete("trader2", approval, Map.of("approvalDecision", "APPROVE")).status())
        .isEqualTo(204);
    final long draft = awaitUserTask(instance, "draft-contract-manually");
    assertThat(
            complete(
                    "legal",
                    draft,
                    Map.of("contractReference", "C-AUDIT-1", "contractSummary", "Standard terms"))
                .status())
        .isEqualTo(204);
    final long review = awaitUserTask(instance, "legal-review");
    assertThat(
            complete("legal", review, Map.of("legalDecision", "CLEAR", "legalComment", "Fine"))
                .status())
        .isEqualTo(204);
    final long hedging = awaitCalledInstance(instance, "hedging");

    // when the lifecycle's history is read, once it has the hedging instance
    final JsonNode history =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> history(instance),
                h ->
                    h != null
                        && StreamSupport.stream(h.get("events").spliterator(), false)
                            .anyMatch(e -> e.get("processInstanceKey").asLong() == hedging));

    // then it holds the lifecycle and the instances it called, each event on an element of the
    // deployed model of its process
    final List<JsonNode> events =
        StreamSupport.stream(history.get("events").spliterator(), false).toList();
    assertThat(
            StreamSupport.stream(history.get("instances").spliterator(), false)
                .map(i -> i.get("bpmnProcessId").asText())
                .collect(Collectors.toSet()))
        .contains("trade-lifecycle", "hedging");
    final Map<String, Set<String>> modelIds = new HashMap<>();
    for (final JsonNode event : events) {
      if (event.get("valueType").asText().equals("PROCESS_INSTANCE")) {
        final String process = event.get("bpmnProcessId").asText();
        assertThat(modelIds.computeIfAbsent(process, DealAuditReportTest::elementIds))
            .as("element of %s", process)
            .contains(event.get("elementId").asText());
      }
    }
    assertThat(
            events.stream()
                .filter(
                    e ->
                        e.get("processInstanceKey").asLong() == instance
                            && e.get("intent").asText().equals("ELEMENT_ACTIVATED"))
                .map(e -> e.get("elementId").asText())
                .toList())
        .containsSubsequence(
            "trade-lifecycle", "approve-deal", "draft-contract-manually", "legal-review");
    assertThat(events.stream().map(e -> e.get("position").asLong()).toList()).isSorted();
    assertThat(history.get("userTasks"))
        .anySatisfy(
            t -> {
              assertThat(t.get("elementId").asText()).isEqualTo("approve-deal");
              assertThat(t.get("completedBy").asText()).isEqualTo("trader2");
            });

    // and the deal's audit report has it all, for auditors and admins only
    final String path = "/api/deals/" + dealId + "/audit-report";
    final HttpResponse<String> html = send(path, "auditor");
    assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
    assertThat(html.body())
        .contains("Audit report: deal " + dealId)
        .contains("Deal activity")
        .contains("trade-lifecycle")
        .contains("<td>hedging</td>")
        .contains("approve-deal")
        .contains("<td>trader2</td>")
        .contains("VALID: the hash chain is intact");
    final HttpResponse<byte[]> pdf =
        HTTP.send(request(path + "?format=pdf", "admin"), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Audit report: deal");
    }
    assertThat(send(path, "trader").statusCode()).isEqualTo(403);
    assertThat(send(path, "desk-head").statusCode()).isEqualTo(403);
    assertThat(send("/api/deals/" + UUID.randomUUID() + "/audit-report", "auditor").statusCode())
        .isEqualTo(404);
    assertThat(send("/api/deals/not-a-deal/audit-report", "auditor").statusCode()).isEqualTo(404);
    final HttpResponse<String> badFormat = send(path + "?format=xls", "auditor");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(badFormat.body()).contains("format");
  }

  /** Every id in the deployed model of the process (elements, flows, events). */
  private static Set<String> elementIds(final String processId) {
    try (InputStream model =
        DealAuditReportTest.class.getResourceAsStream("/bpmn/" + processId + ".bpmn")) {
      assertThat(model).as("model of " + processId).isNotNull();
      final BpmnModelInstance instance = Bpmn.readModelFromStream(model);
      return instance.getModelElementsByType(BaseElement.class).stream()
          .map(BaseElement::getId)
          .collect(Collectors.toSet());
    } catch (final java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode history(final long instance) throws Exception {
    final HttpResponse<String> response =
        send("/api/process-instances/" + instance + "/history", "auditor");
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }

  private HttpResponse<String> send(final String path, final String user) throws Exception {
    return HTTP.send(request(path, user), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(final String path, final String user) {
    return HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build();
  }
}
