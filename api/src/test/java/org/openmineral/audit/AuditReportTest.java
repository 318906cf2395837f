package org.openmineral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit report of an onboarding, as HTML and PDF, for auditors: the verification result, the
 * user task and who completed it, the decision, the timeline; what it says when the log was
 * altered; who may ask for it.
 */
class AuditReportTest extends AuditTestSupport {
  @Autowired AuditReport report;

  @Test
  void anAuditorGetsTheHistoryAndTheVerificationAsHtmlAndPdf() throws Exception {
    // given a rejected onboarding in the audit log
    final long instance = decidedOnboarding("Reported Metals Ltd", "REJECT").instance();
    await(instanceCompleted(instance));
    completedHistory(instance);
    final String path = "/api/process-instances/" + instance + "/audit-report";

    // when an auditor asks for the report
    final HttpResponse<String> html = send(path, "auditor");

    // then it names the instance, the verification, the task and who completed it, the timeline
    assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body())
        .contains("Audit report: process instance " + instance)
        .contains("VALID: the hash chain is intact")
        .contains("counterparty-onboarding")
        .contains("compliance-decision")
        .contains("REJECT")
        .contains("Completed by")
        .contains("<td>compliance</td>")
        .contains("Decisions evaluated (1)")
        .contains("ELEMENT_ACTIVATED")
        .contains("for auditor");

    // and as PDF, with the same content
    final HttpResponse<byte[]> pdf = sendForBytes(path + "?format=pdf", "auditor");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      final String text = new PDFTextStripper().getText(document);
      assertThat(document.getNumberOfPages()).isPositive();
      assertThat(text)
          .contains("Audit report: process instance " + instance)
          .contains("VALID")
          .contains("compliance-decision");
    }

    // an altered log shows in the report
    final String altered =
        tamperedThenRolledBack(
            "update audit_entry set actor = 'mallory' where process_instance_key = "
                + instance
                + " and intent = 'COMPLETED' and value_type = 'USER_TASK'",
            () ->
                report
                    .html(instance, new AuditReport.Subject("altered", "altered"), "auditor")
                    .orElseThrow());
    assertThat(altered).contains("BROKEN: the audit log was altered");

    // only auditors and admins; unknown instances and formats are problems naming them
    assertThat(send(path, "admin").statusCode()).isEqualTo(200);
    assertThat(send(path, "compliance").statusCode()).isEqualTo(403);
    assertThat(send(path, "trader").statusCode()).isEqualTo(403);
    final HttpResponse<String> unknown =
        send("/api/process-instances/1234567/audit-report", "auditor");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    final HttpResponse<String> badFormat = send(path + "?format=docx", "auditor");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    final JsonNode problem = json.readTree(badFormat.body());
    assertThat(problem.toString()).contains("format");
  }
}
