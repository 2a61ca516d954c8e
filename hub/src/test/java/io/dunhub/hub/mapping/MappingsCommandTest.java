package io.dunhub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dunhub mappings validate} and {@code preview}, run through picocli as a user would. */
class MappingsCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/mapping");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new MappingsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void validateChecksTheShippedDefaults() {
    int code = run("validate");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("mappings compiled, 0 errors, 0 warnings");
  }

  @Test
  void validateAcceptsACustomFieldTheIntegratorDescribed() {
    int code = run("validate", "--dir", FIXTURES.resolve("custom").toString(), "--strict");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("0 errors, 0 warnings");
  }

  @Test
  void validateReportsEveryProblemWithFileLineAndColumnAndFails() {
    Path broken = FIXTURES.resolve("broken");

    int code = run("validate", "--dir", broken.toString());

    assertThat(code).isEqualTo(MappingsCommand.FAILED);
    String file = broken.resolve("salesforce/blng__Invoice__c.yaml").toString();
    assertThat(err.toString()).contains(file + ":7:16: error: unknown transform 'picklist'");
    assertThat(out.toString())
        .contains(
            file
                + ":6:11: warning: custom field 'Dunning_Segmnt__c' is not in the recorded"
                + " description of blng__Invoice__c")
        .contains("1 error, 1 warning");
  }

  @Test
  void previewPrintsTheCanonicalRecordWithTheCustomFieldAndEveryWarning() {
    int code =
        run(
            "preview",
            "--dir",
            FIXTURES.resolve("custom").toString(),
            "--system",
            "salesforce",
            "--object",
            "blng__Invoice__c",
            "--record",
            FIXTURES.resolve("records/blng__Invoice__c.json").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("canonical invoice:")
        .contains("\"number\" : \"INV-000142\"")
        .contains("\"dueDate\" : \"2026-10-31\"")
        .contains("\"amount\" : 750.25")
        .contains("\"dunningSegment\" : \"Enterprise\"")
        .contains("\"partyId\" : \"<party of Account 0015e00000AbCdEAAV>\"")
        .contains("warning: invoice.status")
        .contains("unknown value 'Overdue-ish', used the default OPEN")
        .contains("warning: lookup: <party of Account 0015e00000AbCdEAAV> is a placeholder");
  }

  @Test
  void previewOfARecordThatCannotBeMappedNamesTheRuleAndFails() {
    int code =
        run(
            "preview",
            "--system",
            "salesforce",
            "--object",
            "blng__Invoice__c",
            "--record",
            FIXTURES.resolve("records/blng__Invoice__c-no-due-date.json").toString());

    assertThat(code).isEqualTo(MappingsCommand.FAILED);
    assertThat(err.toString())
        .contains("failed: invoice.dueDate (salesforce/blng__Invoice__c.yaml:")
        .contains("a value is required but the host has none")
        .contains("park");
  }

  @Test
  void previewOfAnOutboundMappingPrintsTheHostPayload() {
    int code =
        run(
            "preview",
            "--system",
            "salesforce",
            "--object",
            "Dunning_Notice__c",
            "--record",
            FIXTURES.resolve("records/activity.json").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("salesforce Dunning_Notice__c payload:")
        .contains("\"Dunhub_Key__c\" : \"act-42\"")
        .contains("\"Type__c\" : \"Notice Sent\"")
        .contains("\"Channel__c\" : \"EMAIL\"")
        .contains("\"Sent_At__c\" : \"2026-11-03T09:00:00Z\"")
        .contains("\"Account__c\" : \"<Account id of party party-7>\"");
  }

  @Test
  void previewOfAnUnknownObjectSaysWhichOnesExist() {
    int code =
        run(
            "preview",
            "--system",
            "quickbooks",
            "--object",
            "Bill",
            "--record",
            FIXTURES.resolve("records/activity.json").toString());

    assertThat(code).isEqualTo(MappingsCommand.USAGE);
    assertThat(err.toString()).contains("no usable mapping of quickbooks Bill").contains("Invoice");
  }
}
