package io.dunhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DunhubCliTest {

  private final CliRunner cli = new CliRunner(Map.of());
  private final CliRunner withVault =
      new CliRunner(
          Map.of(),
          java.util.List.of(new io.dunhub.hub.runtime.TestConnectorsModule()),
          java.util.List.of());

  static Path fixture(String name) {
    try {
      return Path.of(DunhubCliTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void helpListsEveryCommandWithOneLine() {
    CliRunner.Result result = cli.run("--help");

    assertThat(result.exitCode()).isZero();
    for (String command :
        new String[] {
          "run", "sync", "config", "bench", "mappings", "dunning", "outbox", "admin", "demo", "help"
        }) {
      assertThat(result.out()).containsPattern("(?m)^  " + command + " +\\S.*$");
    }
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    CliRunner.Result result = cli.run("rn");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Unmatched argument").contains("run");
  }

  @Test
  void configValidatePrintsEveryProblemWithItsLineAndFails() {
    Path file = fixture("many-problems.yml");

    CliRunner.Result result = withVault.run("--config", file.toString(), "config", "validate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(result.out().lines().filter(l -> l.startsWith(file + ":")).count()).isEqualTo(22);
    assertThat(result.out())
        .contains(file + ":20:11: connections[1].type: unknown type 'salesfroce'")
        .contains("22 problems in " + file);
  }

  @Test
  void configValidateSummarisesAValidFileWithoutSecrets() {
    Map<String, String> env =
        Map.of(
            "DUNHUB_DB_PASSWORD", "pg-pass-4242",
            "DUNHUB_SECRET_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
            "BOOKS_TOKEN", "tok-books-777",
            "SMTP_PASSWORD", "smtp-pass-555",
            "SMS_TOKEN", "sms-tok-333");
    CliRunner withVault =
        new CliRunner(
            env,
            java.util.List.of(new io.dunhub.hub.runtime.TestConnectorsModule()),
            java.util.List.of());

    CliRunner.Result result =
        withVault.run("-c", fixture("valid.yml").toString(), "config", "validate");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("is valid")
        .contains("books (vault): sync every 5m, streams Invoice, Payment")
        .contains("store:       postgres jdbc:postgresql://db.internal:5432/dunhub as dunhub");
    for (String secret : env.values()) {
      assertThat(result.all()).doesNotContain(secret);
    }
  }

  @Test
  void theHostConnectorsAreRegisteredAndCheckTheirOwnSettings() {
    Path file = fixture("real-connectors-incomplete.yml");

    CliRunner.Result result = cli.run("-c", file.toString(), "config", "validate");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(result.out()).doesNotContain("unknown type");
    for (String connection : new String[] {"connections[0]", "connections[1]", "connections[2]"}) {
      assertThat(result.out())
          .as(result.out())
          .containsPattern(
              java.util.regex.Pattern.quote(file + ":")
                  + "\\d+:\\d+: "
                  + java.util.regex.Pattern.quote(connection));
    }
  }

  @Test
  void configValidateAlsoChecksTheMappingFolder() {
    CliRunner.Result result =
        cli.run("-c", fixture("with-broken-mappings.yml").toString(), "config", "validate");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(result.out()).contains("Invoice.yaml:9").contains("dueDat");
  }

  @Test
  void configValidateAlsoChecksThePoliciesFolder() {
    CliRunner.Result result =
        cli.run("-c", fixture("with-broken-policies.yml").toString(), "config", "validate");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(result.out())
        .contains("standard.yaml:9")
        .contains("overdue-remnder")
        .contains("standard.yaml:11")
        .contains("problem(s) in the dunning policies");
  }

  @Test
  void aMissingConfigFileIsOneClearLine() {
    CliRunner.Result result = cli.run("--config", "nowhere/dunhub.yml", "run");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
    assertThat(result.err()).startsWith("nowhere/dunhub.yml: no such file (pass --config FILE)");
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aFailureIsOneLineWithoutStackTraceUnlessVerbose(@TempDir Path dir) throws IOException {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Path config = dir.resolve("dunhub.yml");
      Files.writeString(
          config,
          """
          mode: development
          http:
            port: %d
          """
              .formatted(taken.getLocalPort()));

      CliRunner.Result quiet = cli.run("-c", config.toString(), "run");
      CliRunner.Result verbose = cli.run("-c", config.toString(), "--verbose", "run");

      assertThat(quiet.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(quiet.err())
          .startsWith(
              "dunhub: http could not start: cannot listen on 0.0.0.0:" + taken.getLocalPort())
          .contains("(run with --verbose for details)")
          .doesNotContain("\tat ");
      assertThat(quiet.out()).doesNotContain("Dunhub is running");
      assertThat(verbose.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(verbose.err()).contains("\tat ");
    }
  }

  @Test
  void benchSyncReportsThroughputOnTheEmbeddedStore() {
    CliRunner.Result result =
        cli.run("bench", "sync", "--parties", "50", "--invoices", "200", "--no-postgres");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .containsPattern("initial 250 records in [0-9.]+ s")
        .contains("incremental");
  }

  @Test
  void demoExplainsItsOptions() {
    // DemoIT runs the demo itself; here only what a newcomer reads first
    CliRunner.Result result = cli.run("demo", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--days").contains("--exit").contains("--speed");
  }
}
