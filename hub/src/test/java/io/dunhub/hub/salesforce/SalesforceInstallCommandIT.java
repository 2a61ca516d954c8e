package io.dunhub.hub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.cli.CliRunner;
import io.dunhub.hub.cli.ExitCodes;
import io.dunhub.salesforce.sandbox.FieldDef;
import io.dunhub.salesforce.sandbox.SalesforceSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dunhub salesforce install} against the Salesforce sandbox, with the connection written in
 * the config file as an admin would: the objects, fields, permission set and Account page land in
 * the org and are listed; a second run finds nothing to do; {@code --check-only} changes nothing; a
 * refused component, a revoked app and a wrong connection each say what to do.
 */
class SalesforceInstallCommandIT {
  private static final String CLIENT_ID = "3MVG9installCommand";
  private static final String USER = "integration@acme-install.example";

  private final CliRunner cli = new CliRunner(Map.of());
  private SalesforceSandbox sandbox;
  private String config;

  @BeforeEach
  void startOrg(@TempDir Path dir) throws Exception {
    sandbox = SalesforceSandbox.start(Clock.systemUTC());
    Path key = dir.resolve("dunhub-salesforce.key");
    Files.writeString(key, sandbox.registerJwtApp(CLIENT_ID, USER));
    Path file = dir.resolve("dunhub.yml");
    Files.writeString(
        file,
        """
        mode: development
        connections:
          - name: crm
            type: salesforce
            settings:
              login_url: %s
              client_id: %s
              username: %s
              private_key_file: %s
          - name: books
            type: memory
            settings:
              host: install-command-books
        """
            .formatted(sandbox.loginUrl(), CLIENT_ID, USER, key));
    config = file.toString();
  }

  @AfterEach
  void stopOrg() {
    sandbox.close();
  }

  @Test
  void installCreatesEverythingAndASecondRunFindsNothingToDo() {
    CliRunner.Result first = cli.run("-c", config, "salesforce", "install", "--connection", "crm");

    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(first.out())
        .contains("Installing Dunhub's Salesforce metadata in the org of connection 'crm'")
        .contains("Installed — deployment ")
        .contains("created CustomObject Dunning_Notice__c")
        .contains("created CustomField Account.Dunning_Status__c")
        .contains("created PermissionSet Dunhub_Integration")
        .contains("created FlexiPage Dunhub_Account_Record_Page")
        .contains("0 failed")
        .contains("activate the 'Account (Dunhub)' Lightning page");
    assertThat(sandbox.org().object("Dunning_Notice__c")).isPresent();
    assertThat(sandbox.org().object("Dunhub_Invoice__c")).isPresent();
    assertThat(sandbox.org().object("Account").orElseThrow().field("Exclude_From_Dunning__c"))
        .isPresent();
    assertThat(sandbox.deployedComponents())
        .contains("PermissionSet:Dunhub_Integration", "FlexiPage:Dunhub_Account_Record_Page");

    CliRunner.Result second = cli.run("-c", config, "salesforce", "install", "--connection", "crm");

    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(second.out())
        .contains("Already installed, nothing to change")
        .contains(": 0 created, 0 changed, ")
        .doesNotContain("created CustomObject");
  }

  @Test
  void checkOnlyTellsWhatAnInstallWouldDoAndChangesNothing() {
    CliRunner.Result check =
        cli.run("-c", config, "salesforce", "install", "--connection", "crm", "--check-only");

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(check.out())
        .contains("Checking Dunhub's Salesforce metadata")
        .contains("Check passed (check only: nothing was changed")
        .contains("created CustomObject Dunning_Notice__c");
    assertThat(sandbox.org().object("Dunning_Notice__c")).isEmpty();
    assertThat(sandbox.deployedComponents()).isEmpty();
  }

  @Test
  void aComponentTheOrgRefusesIsListedWithItsFileAndTheCommandFails() {
    sandbox.org().object("Account").orElseThrow().add(FieldDef.of("Dunning_Status__c", "string"));
    sandbox.org().insert("Account", Map.of("Name", "Acme", "Dunning_Status__c", "late"), null);

    CliRunner.Result result = cli.run("-c", config, "salesforce", "install", "--connection", "crm");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.out())
        .contains("Install FAILED (nothing was changed)")
        .contains(
            "FAILED CustomField Account.Dunning_Status__c (objects/Account.object): Cannot change"
                + " the type")
        .contains("Fix the problems above");
    assertThat(sandbox.org().object("Dunning_Notice__c")).isEmpty();
  }

  @Test
  void aRevokedAppIsTheAdminsToReauthorize() {
    sandbox.auth().revokeApp();

    CliRunner.Result result = cli.run("-c", config, "salesforce", "install", "--connection", "crm");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("crm").contains("Re-authorize the app");
    assertThat(sandbox.org().object("Dunning_Notice__c")).isEmpty();
  }

  @Test
  void anUnknownOrNonSalesforceConnectionIsAUsageError() {
    CliRunner.Result unknown =
        cli.run("-c", config, "salesforce", "install", "--connection", "crn");
    CliRunner.Result memory =
        cli.run("-c", config, "salesforce", "install", "--connection", "books");
    CliRunner.Result missing = cli.run("-c", config, "salesforce", "install");

    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no connection named 'crn'").contains("[crm, books]");
    assertThat(memory.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(memory.err())
        .contains("connection 'books' is of type 'memory'")
        .contains("needs a connection of type 'salesforce'");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("--connection");
  }
}
