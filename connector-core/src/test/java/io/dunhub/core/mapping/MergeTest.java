package io.dunhub.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user file for the same system and object extends or replaces the default. */
class MergeTest {
  private static final Path ROOT = Path.of("src/test/resources/mapping");
  private static final MappingSource DEFAULTS =
      MappingSource.fromDirectory(ROOT.resolve("defaults"));
  private static final Lookups PARTY =
      new Lookups() {
        @Override
        public Optional<String> canonicalId(EntityType e, String c, String o, String hostId) {
          return Optional.of("party-" + hostId);
        }

        @Override
        public Optional<String> hostId(EntityType e, String id, String c, String o) {
          return Optional.empty();
        }
      };

  private static MappingResult map(Mapping m, String json) throws Exception {
    ObjectNode raw = (ObjectNode) OneFile.JSON.readTree(json);
    return m.toCanonical(
        new SourceRecord("Invoice", "i1", "1", Instant.EPOCH, false, raw), "c", PARTY);
  }

  private static final String RECORD =
      "{\"id\": \"i1\", \"customer\": {\"id\": \"7\"}, \"no\": \"A-1\", \"issued\": \"2026-01-01\","
          + " \"due\": \"2026-01-31\", \"total\": 10, \"balance\": 4, \"state\": \"open\","
          + " \"terms\": \"Net 30\", \"currency\": \"GBP\", \"segment_x\": \"gold\"}";

  @Test
  void theDefaultAloneMapsItsFields() throws Exception {
    MappingSet set = MappingEngine.load(DEFAULTS, MappingSource.empty());
    assertThat(set.problems()).isEmpty();

    Invoice invoice =
        (Invoice) ((MappingResult.Mapped) map(set.mappings().get(0), RECORD)).canonical();

    assertThat(invoice.partyId()).isEqualTo("7");
    assertThat(invoice.terms()).isEqualTo("Net 30");
    assertThat(invoice.total()).isEqualTo(Money.of("10", "USD"));
  }

  @Test
  void anExtendingFileAddsReplacesAndRemovesRulesAndReplacesFilters() throws Exception {
    MappingSet set =
        MappingEngine.load(DEFAULTS, MappingSource.fromDirectory(ROOT.resolve("extend")));
    assertThat(set.problems()).isEmpty();
    Mapping m = set.find("shop", "Invoice").orElseThrow();

    MappingResult result = map(m, RECORD);
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    Invoice invoice = (Invoice) ((MappingResult.Mapped) result).canonical();

    assertThat(invoice.attributes()).containsEntry("segment", "gold");
    assertThat(invoice.total()).isEqualTo(Money.of("10", "GBP"));
    assertThat(invoice.openBalance()).isEqualTo(Money.of("4", "GBP"));
    assertThat(invoice.terms()).isNull();
    assertThat(m.key()).isEqualTo("id");
    assertThat(m.cursor()).containsExactly("updated", "id");
    assertThat(m.filters()).containsExactly("state in [open]");
    assertThat(m.file()).endsWith("extend/shop/Invoice.yaml");
    assertThat(map(m, RECORD.replace("\"open\"", "\"paid\"")))
        .isInstanceOf(MappingResult.Skipped.class);
  }

  @Test
  void aReplacingFileStandsAloneAndIsCheckedOnItsOwn() {
    MappingSet set =
        MappingEngine.load(DEFAULTS, MappingSource.fromDirectory(ROOT.resolve("replace")));

    assertThat(set.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("replace/shop/Invoice.yaml");
              assertThat(p.message())
                  .isEqualTo(
                      "missing rule for required canonical fields issueDate, dueDate, total,"
                          + " openBalance, status of invoice");
            });
  }

  @Test
  void aFileInTheWrongSystemFolderIsAnError() {
    MappingSet set =
        MappingEngine.load(
            MappingSource.empty(), MappingSource.fromDirectory(ROOT.resolve("misplaced")));

    assertThat(set.errors())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message())
                  .isEqualTo("system 'store' does not match the folder it is in ('shop')");
            });
  }
}
