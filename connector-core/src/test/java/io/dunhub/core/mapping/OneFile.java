package io.dunhub.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import java.time.Instant;
import java.util.List;

/** Builds a one-file mapping set from YAML text, for tests of single rules. */
final class OneFile {
  static final ObjectMapper JSON = new ObjectMapper();

  private OneFile() {}

  static MappingSet load(String yaml) {
    return MappingEngine.load(
        new MappingSource(List.of(new MappingDocument("test/Thing.yaml", "test", yaml)), List.of()),
        MappingSource.empty());
  }

  /** A compiled mapping, failing the test with every problem when it does not compile. */
  static Mapping compile(String yaml) {
    MappingSet set = load(yaml);
    assertThat(set.errors()).as("problems").isEmpty();
    return set.mappings().get(0);
  }

  /** A party mapping with a name rule and these extra rules. */
  static Mapping party(String rules) {
    return compile(
        """
        system: test
        object: Thing
        entity: party
        key: Id
        fields:
          - {canonical: name, host: name, default: Someone}
        """
            + rules);
  }

  /** A payment mapping with a party and a date, and these extra rules. */
  static Mapping payment(String rules) {
    return compile(
        """
        system: test
        object: Thing
        entity: payment
        key: Id
        fields:
          - {canonical: partyId, transform: {constant: p1}}
          - {canonical: date, host: date, default: "2026-01-01"}
        """
            + rules);
  }

  static MappingResult map(Mapping mapping, String json) {
    try {
      ObjectNode raw = (ObjectNode) JSON.readTree(json);
      return mapping.toCanonical(
          new SourceRecord("Thing", "t-1", "1", Instant.EPOCH, false, raw), "conn", Lookups.none());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Object canonical(Mapping mapping, String json) {
    MappingResult result = map(mapping, json);
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).canonical();
  }

  static MappingResult.Failed failed(Mapping mapping, String json) {
    MappingResult result = map(mapping, json);
    assertThat(result).isInstanceOf(MappingResult.Failed.class);
    return (MappingResult.Failed) result;
  }
}
