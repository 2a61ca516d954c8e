package io.dunhub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.ObjectDescriptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HubMappingsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/mapping");

  @Test
  void theHubUsesTheIntegratorsFolderOverTheDefaults() {
    MappingSet set = HubMappings.load(FIXTURES.resolve("custom"), ObjectDescriptions.none());

    assertThat(set.find("salesforce", "blng__Invoice__c").orElseThrow().file())
        .endsWith("custom/salesforce/blng__Invoice__c.yaml");
    assertThat(set.find("quickbooks", "Invoice").orElseThrow().file())
        .isEqualTo("classpath:mappings/quickbooks/Invoice.yaml");
  }

  @Test
  void theHubRefusesBrokenMappingsListingEveryError() {
    assertThatThrownBy(
            () -> HubMappings.load(FIXTURES.resolve("broken"), ObjectDescriptions.none()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("1 error(s) in the field mappings")
        .hasMessageContaining("blng__Invoice__c.yaml:7:16: error: unknown transform 'picklist'");
  }
}
