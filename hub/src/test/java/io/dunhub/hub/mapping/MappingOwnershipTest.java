package io.dunhub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.model.EntityType;
import io.dunhub.hub.sync.FieldOwnership;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owners declared in mapping files become the sync's field ownership per connection. */
class MappingOwnershipTest {
  private final MappingSet mappings =
      HubMappings.load(Path.of("src/test/resources/mapping/owned"), ObjectDescriptions.none());

  @Test
  void declaredOwnersNameTheConnectionsOfTheirSystems() {
    FieldOwnership ownership =
        MappingOwnership.of(mappings, Map.of("books", "quickbooks", "crm", "salesforce"));

    assertThat(ownership.owner(EntityType.INVOICE, "openBalance")).contains("books");
    assertThat(ownership.owner(EntityType.INVOICE, "total")).contains("books");
    assertThat(ownership.owner(EntityType.CONTACT, "email")).contains("crm");
    assertThat(ownership.mayChange("crm", EntityType.INVOICE, "openBalance")).isFalse();
    assertThat(ownership.mayChange("crm", EntityType.CONTACT, "preferredChannel")).isFalse();
    assertThat(ownership.mayChange("books", EntityType.CONTACT, "preferredChannel")).isFalse();
    assertThat(ownership.owner(EntityType.INVOICE, "dueDate")).isEmpty();
  }

  @Test
  void anOwnerWithTwoConnectionsIsAmbiguous() {
    assertThatThrownBy(
            () ->
                MappingOwnership.of(
                    mappings, Map.of("crm-eu", "salesforce", "crm-us", "salesforce")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("owner")
        .hasMessageContaining("crm-eu");
  }
}
