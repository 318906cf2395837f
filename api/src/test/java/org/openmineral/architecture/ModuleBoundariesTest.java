package org.openmineral.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the folder tree promises: engine and domain know nothing of the application. */
class ModuleBoundariesTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openmineral");
  }

  @Test
  void engineIsPlainJavaWithoutSpringOrTheApplication() {
    noClasses()
        .that()
        .resideInAPackage("org.openmineral.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.openmineral.platform..", "org.openmineral.task..", "org.openmineral.domain..")
        .check(classes);
  }

  @Test
  void domainDependsOnNeitherSpringNorTheEngineNorCamunda() {
    noClasses()
        .that()
        .resideInAPackage("org.openmineral.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "io.camunda..", "jakarta..", "org.openmineral.engine..")
        .check(classes);
  }

  /** The projection the application and the audit exporter share (module audit/). */
  @Test
  void auditProjectionDependsOnlyOnTheProtocolJdbcAndJackson() {
    classes()
        .that()
        .haveNameMatching(
            "org\\.openmineral\\.audit\\.(AuditProjection|ProcessHistory|AuditEntry).*")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.camunda.zeebe.protocol.record..",
            "com.fasterxml.jackson..",
            "org.openmineral.audit")
        .check(classes);
  }

  /**
   * Agents' tools only read: the agent package reaches no port that writes (the counterparty
   * records, settlement and hedge books) and no engine command, except the audit trail that records
   * the agent's steps as task variables.
   */
  @Test
  void agentsReachNothingThatChangesState() {
    noClasses()
        .that()
        .resideInAPackage("org.openmineral.workers.agent..")
        .and()
        .doNotHaveSimpleName("EngineAgentAuditTrail")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.camunda.client.api.command..",
            "org.openmineral.workers.settlement..",
            "org.openmineral.workers.hedging..",
            "org.springframework.jdbc..",
            "jakarta.persistence..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("CamundaClient")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("CounterpartyRecords")
        .check(classes);
  }
}
