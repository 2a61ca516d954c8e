package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.sandbox.FieldDef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceInstallIT {
  SandboxOrgFixture org;
  ManualClock clock = new ManualClock(Instant.parse("2026-11-20T10:00:00Z"));

  @BeforeEach
  void start() {
    org = new SandboxOrgFixture(clock, clock);
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void installDeploysObjectsFieldsAndPermissionSetAndReportsThem() {
    SalesforceConnection c = org.open("acme", Map.of());
    assertThat(org.sandbox.org().object("Dunning_Notice__c")).isEmpty();

    InstallReport report =
        new SalesforceInstaller(clock, clock, Duration.ofSeconds(2), Duration.ofMinutes(1))
            .install(c);

    assertThat(report.success()).as(report.summary()).isTrue();
    assertThat(report.with(InstallReport.Change.CREATED))
        .extracting(cmp -> cmp.type() + ":" + cmp.fullName())
        .contains(
            "CustomObject:Dunning_Notice__c",
            "CustomObject:Dunhub_Invoice__c",
            "CustomObject:Dunhub_Payment__c",
            "CustomField:Dunning_Notice__c.Dunhub_Key__c",
            "CustomField:Account.Exclude_From_Dunning__c",
            "CustomField:Account.Dunning_Status__c",
            "PermissionSet:Dunhub_Integration",
            "Layout:Account-Dunhub Account Layout");
    assertThat(report.with(InstallReport.Change.FAILED)).isEmpty();
    assertThat(clock.slept())
        .as("polled the deployment")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));

    // the objects are real: describable, with their external-id keys
    ObjectDescription notice = c.describe("Dunning_Notice__c");
    assertThat(notice.field("Dunhub_Key__c")).get().matches(ObjectDescription.Field::externalId);
    assertThat(notice.field("Account__c").orElseThrow().referenceTo()).containsExactly("Account");
    assertThat(c.describe("Account").field("Dunning_Segment__c")).isPresent();
    assertThat(org.sandbox.org().object("Task").orElseThrow().field("Dunhub_Key__c"))
        .get()
        .extracting(FieldDef::type)
        .isEqualTo("string");
    assertThat(org.sandbox.deployedComponents()).contains("PermissionSet:Dunhub_Integration");

    InstallReport again =
        new SalesforceInstaller(clock, clock, Duration.ofSeconds(2), Duration.ofMinutes(1))
            .install(c);
    assertThat(again.success()).isTrue();
    assertThat(again.with(InstallReport.Change.CREATED))
        .extracting(InstallReport.Component::type)
        .doesNotContain("CustomObject", "CustomField");
    assertThat(again.with(InstallReport.Change.CHANGED))
        .extracting(InstallReport.Component::fullName)
        .contains("Dunning_Notice__c", "Account.Dunning_Status__c");
  }
}
