package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.mapping.Lookups;
import java.util.ArrayList;
import java.util.List;

/** What a transform may consult while mapping one record, and where it leaves warnings. */
final class RecordContext {
  final JsonNode root;
  final String connection;
  final Lookups lookups;
  private List<String> warnings;

  RecordContext(JsonNode root, String connection, Lookups lookups) {
    this.root = root;
    this.connection = connection;
    this.lookups = lookups;
  }

  void warn(String warning) {
    if (warnings == null) {
      warnings = new ArrayList<>(2);
    }
    warnings.add(warning);
  }

  List<String> warnings() {
    return warnings == null ? List.of() : warnings;
  }
}
