package io.dunhub.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dunhub.core.mapping.MappingDocument;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema editors use agrees with the files we ship and refuses what the engine refuses.
 */
class SchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static JsonSchema schema;

  @BeforeAll
  static void load() {
    schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(DefaultMappings.schema());
  }

  private static Set<ValidationMessage> validate(String yaml) throws Exception {
    JsonNode node = YAML.readTree(yaml);
    return schema.validate(node);
  }

  @Test
  void everyShippedMappingFileMatchesTheSchema() throws Exception {
    for (MappingDocument doc : DefaultMappings.source().mappings()) {
      assertThat(validate(doc.text())).as(doc.location()).isEmpty();
    }
  }

  @Test
  void theSchemaRefusesUnknownKeysTransformsAndAMapWithoutDefault() throws Exception {
    String head = "system: salesforce\nobject: Account\nentity: party\nfields:\n";

    assertThat(validate(head + "  - {canonical: name, host: Name, colour: red}\n")).isNotEmpty();
    assertThat(validate(head + "  - {canonical: name, host: Name, transform: picklist}\n"))
        .isNotEmpty();
    assertThat(
            validate(
                head + "  - {canonical: name, host: Name, transform: {map: {values: {a: b}}}}\n"))
        .isNotEmpty();
    assertThat(validate(head + "  - {canonical: name, host: Name, required: maybe}\n"))
        .isNotEmpty();
    assertThat(validate(head + "  - {canonical: name, host: Name, transform: text}\n")).isEmpty();
  }
}
