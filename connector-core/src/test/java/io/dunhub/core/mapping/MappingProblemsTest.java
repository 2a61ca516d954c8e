package io.dunhub.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.mapping.MappingProblem.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every problem in a folder is reported at once, each with its file, line and column. */
class MappingProblemsTest {
  private static final Path BROKEN = Path.of("src/test/resources/mapping/broken");
  private static final String INVOICE =
      BROKEN.resolve("salesforce/blng__Invoice__c.yaml").toString();
  private static MappingSet set;

  @BeforeAll
  static void load() {
    set = MappingEngine.load(MappingSource.empty(), MappingSource.fromDirectory(BROKEN));
  }

  @Test
  void everyMistakeInTheInvoiceFileIsReportedWhereItWasWritten() {
    assertThat(in(INVOICE))
        .containsExactly(
            error(2, 1, "missing rule for required canonical field dueDate of invoice"),
            error(6, 1, "mapping file: unknown key 'colour'"),
            error(9, 47, "required must be true or false, not 'maybe'"),
            error(10, 68, "unknown transform 'dat' (did you mean 'date'?)"),
            error(
                11,
                30,
                "blng__Invoice__c has no field 'blng__TotalAmount' (did you mean 'blng__TotalAmount__c'?)"),
            error(13, 5, "duplicate rule for 'openBalance' (first on line 12)"),
            error(
                16,
                17,
                "value map for 'status' has no default: add 'default:' for host values it does not name"),
            error(17, 58, "transform money cannot fill canonical field 'terms', which holds text"),
            error(18, 43, "host field 'IsDeleted' is boolean, which transform date cannot read"),
            error(
                19,
                17,
                "invoice has no canonical field 'paymentLnk' (did you mean 'paymentLink'?)"),
            warning(
                20, 43, "custom field 'Dunning_Segment__c' is not in the recorded description"));
  }

  @Test
  void aSyntaxErrorIsReportedWithItsPositionAndOtherFilesStillLoad() {
    String account = BROKEN.resolve("salesforce/Account.yaml").toString();

    assertThat(set.errors())
        .filteredOn(p -> p.file().equals(account))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(7);
              assertThat(p.message()).startsWith("YAML syntax:");
            });
    assertThat(set.mappings()).extracting(Mapping::hostObject).containsExactly("Contact");
    assertThat(set.find("salesforce", "blng__Invoice__c")).isEmpty();
  }

  @Test
  void problemsPrintAsFileLineColumn() {
    MappingProblem p = set.errors().stream().filter(e -> e.line() == 6).findFirst().orElseThrow();

    assertThat(p.toString())
        .isEqualTo(
            INVOICE
                + ":6:1: error: mapping file: unknown key 'colour'; allowed: cursor, description, direction, enabled, entity, fields, filters, key, merge, object, remove, system");
  }

  private static List<String> in(String file) {
    return set.problems().stream()
        .filter(p -> p.file().equals(file))
        .map(
            p ->
                (p.severity() == Severity.ERROR ? "E " : "W ")
                    + p.line()
                    + ":"
                    + p.column()
                    + " "
                    + shorten(p.message()))
        .toList();
  }

  /** The message up to the first "; " (the lists of allowed values after it vary). */
  private static String shorten(String message) {
    int cut = message.indexOf("; ");
    String m = cut > 0 ? message.substring(0, cut) : message;
    return m.startsWith("custom field") ? m.substring(0, m.indexOf(" of ")) : m;
  }

  private static String error(int line, int column, String message) {
    return "E " + line + ":" + column + " " + message;
  }

  private static String warning(int line, int column, String message) {
    return "W " + line + ":" + column + " " + message;
  }
}
