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
  SalesforceConnection c;

  @BeforeEach
  void start() {
    org = new SandboxOrgFixture(clock, clock);
    c = org.open("acme", Map.of());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private SalesforceInstaller installer() {
    return new SalesforceInstaller(clock, clock, Duration.ofSeconds(2), Duration.ofMinutes(1));
  }

  @Test
  void installDeploysObjectsFieldsPermissionSetAndAccountPageAndReportsThem() {
    assertThat(org.sandbox.org().object("Dunning_Notice__c")).isEmpty();

    InstallReport report = installer().install(c);

    assertThat(report.success()).as(report.summary()).isTrue();
    assertThat(report.checkOnly()).isFalse();
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
            "Layout:Account-Dunhub Account Layout",
            "FlexiPage:Dunhub_Account_Record_Page");
    assertThat(report.with(InstallReport.Change.FAILED)).isEmpty();
    assertThat(report.summary())
        .startsWith("Installed")
        .contains("created FlexiPage Dunhub_Account_Record_Page")
        .contains("created CustomObject Dunning_Notice__c");
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
    assertThat(org.sandbox.deployedComponents())
        .contains("PermissionSet:Dunhub_Integration", "FlexiPage:Dunhub_Account_Record_Page");
  }

  @Test
  void aSecondInstallFindsEverythingInPlaceAndReportsNothingNew() {
    assertThat(installer().install(c).success()).isTrue();
    int objects = org.sandbox.org().records("Account").size();

    InstallReport again = installer().install(c);

    assertThat(again.success()).as(again.summary()).isTrue();
    assertThat(again.upToDate()).as(again.summary()).isTrue();
    assertThat(again.with(InstallReport.Change.CREATED)).isEmpty();
    assertThat(again.with(InstallReport.Change.CHANGED)).isEmpty();
    assertThat(again.with(InstallReport.Change.UNCHANGED))
        .extracting(InstallReport.Component::fullName)
        .contains("Dunning_Notice__c", "Account.Dunning_Status__c", "Dunhub_Account_Record_Page");
    assertThat(again.summary())
        .startsWith("Already installed, nothing to change")
        .contains("0 created, 0 changed");
    assertThat(org.sandbox.org().records("Account")).hasSize(objects);
  }

  @Test
  void aCheckOnlyDeploymentReportsWhatAnInstallWouldDoAndChangesNothing() {
    InstallReport check = installer().check(c);

    assertThat(check.success()).as(check.summary()).isTrue();
    assertThat(check.checkOnly()).isTrue();
    assertThat(check.with(InstallReport.Change.CREATED))
        .extracting(cmp -> cmp.type() + ":" + cmp.fullName())
        .contains("CustomObject:Dunning_Notice__c", "FlexiPage:Dunhub_Account_Record_Page");
    assertThat(check.summary()).startsWith("Check passed (check only: nothing was changed");
    assertThat(org.sandbox.org().object("Dunning_Notice__c")).isEmpty();
    assertThat(org.sandbox.org().object("Account").orElseThrow().field("Dunning_Status__c"))
        .isEmpty();
    assertThat(org.sandbox.deployedComponents()).isEmpty();

    InstallReport install = installer().install(c);
    assertThat(install.with(InstallReport.Change.CREATED))
        .as("the check left everything to create")
        .extracting(InstallReport.Component::fullName)
        .contains("Dunning_Notice__c");
  }

  @Test
  void aComponentTheOrgRefusesIsListedWithItsFileAndProblemAndNothingIsChanged() {
    // an admin once made a text field of the same name, and accounts have values in it
    org.sandbox
        .org()
        .object("Account")
        .orElseThrow()
        .add(FieldDef.of("Dunning_Status__c", "string"));
    org.sandbox.org().insert("Account", Map.of("Name", "Acme", "Dunning_Status__c", "late"), null);

    InstallReport report = installer().install(c);

    assertThat(report.success()).isFalse();
    assertThat(report.with(InstallReport.Change.FAILED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo("CustomField");
              assertThat(f.fullName()).isEqualTo("Account.Dunning_Status__c");
              assertThat(f.file()).isEqualTo("objects/Account.object");
              assertThat(f.problem()).contains("Cannot change the type").contains("picklist");
            });
    assertThat(report.summary())
        .startsWith("Install FAILED (nothing was changed)")
        .contains(
            "FAILED CustomField Account.Dunning_Status__c (objects/Account.object): Cannot change");
    assertThat(org.sandbox.org().object("Dunning_Notice__c")).as("all or nothing").isEmpty();
  }
}
