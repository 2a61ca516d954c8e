package io.dunhub.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingDocument;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped mapping file loads, validates against its object description, and compiles. */
class DefaultMappingsTest {

  private static final Path RESOURCES = Path.of("src/main/resources/mappings");

  @Test
  void everyShippedFileValidatesWithoutErrors() {
    MappingSet set = DefaultMappings.load();

    assertThat(set.errors()).as("errors in shipped mappings").isEmpty();
    assertThat(set.warnings()).as("warnings in shipped mappings").isEmpty();
    assertThat(set.mappings()).hasSize(DefaultMappings.source().mappings().size());
  }

  @Test
  void theDefaultsCoverEveryObjectTheIssueNames() {
    MappingSet set = DefaultMappings.load();

    assertThat(objects(set, "salesforce"))
        .containsExactlyInAnyOrder(
            "Account",
            "Contact",
            "blng__Invoice__c",
            "Dunhub_Invoice__c",
            "blng__Payment__c",
            "Dunning_Notice__c",
            "Task");
    assertThat(objects(set, "quickbooks"))
        .containsExactlyInAnyOrder(
            "Customer", "CustomerContact", "Invoice", "Payment", "Attachable");
    assertThat(objects(set, "netsuite"))
        .containsExactlyInAnyOrder(
            "customer", "contact", "invoice", "customerPayment", "note", "phoneCall");
    assertThat(objects(set, "memory"))
        .containsExactlyInAnyOrder("Party", "Contact", "Invoice", "Payment");
  }

  @Test
  void theIndexListsEveryFileInTheFolder() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      onDisk =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .map(f -> RESOURCES.relativize(f).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    MappingSource source = DefaultMappings.source();
    List<String> indexed =
        Stream.concat(source.mappings().stream(), source.descriptions().stream())
            .map(MappingDocument::location)
            .map(l -> l.substring(("classpath:" + DefaultMappings.ROOT + "/").length()))
            .sorted()
            .toList();

    assertThat(indexed).isEqualTo(onDisk);
  }

  @Test
  void everyMappingFileReferencesTheSchema() {
    for (MappingDocument doc : DefaultMappings.source().mappings()) {
      assertThat(doc.text())
          .as(doc.location())
          .startsWith("# yaml-language-server: $schema=../dunhub-mapping.schema.json\n");
    }
    assertThat(DefaultMappings.schema()).contains("\"title\": \"Dunhub field mapping\"");
  }

  private static List<String> objects(MappingSet set, String system) {
    return set.mappings().stream()
        .filter(m -> m.system().equals(system))
        .map(Mapping::hostObject)
        .toList();
  }
}
