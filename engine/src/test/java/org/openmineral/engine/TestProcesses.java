package org.openmineral.engine;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;

/** Small models for engine tests, built with the Zeebe model API. */
final class TestProcesses {
  private TestProcesses() {}

  static CamundaClient client(final EmbeddedEngine engine) {
    final URI address = URI.create(engine.grpcAddress());
    return CamundaClient.newClientBuilder()
        .grpcAddress(address)
        .restAddress(address)
        .preferRestOverGrpc(false)
        .applyEnvironmentVariableOverrides(false)
        .build();
  }

  /** start -> service task "price" (job type "price") -> end */
  static BpmnModelInstance serviceTask() {
    return Bpmn.createExecutableProcess("priced")
        .startEvent()
        .serviceTask("price", t -> t.zeebeJobType("price"))
        .endEvent()
        .done();
  }

  /** start -> Camunda user task "approve" (candidate group traders) -> end */
  static BpmnModelInstance userTask() {
    return Bpmn.createExecutableProcess("approval")
        .startEvent()
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("traders"))
        .endEvent()
        .done();
  }

  /** start -> message "vessel-nominated" correlated by dealId -> end */
  static BpmnModelInstance message() {
    return Bpmn.createExecutableProcess("nomination")
        .startEvent()
        .intermediateCatchEvent(
            "nominated",
            e -> e.message(m -> m.name("vessel-nominated").zeebeCorrelationKeyExpression("dealId")))
        .endEvent()
        .done();
  }

  /** start -> timer PT1H ("qp-end") -> end */
  static BpmnModelInstance timer() {
    return Bpmn.createExecutableProcess("qp")
        .startEvent()
        .intermediateCatchEvent("qp-end", e -> e.timerWithDuration("PT1H"))
        .endEvent()
        .done();
  }
}
