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

  /** The host payload being written (outbound), for a transform that sets a second field. */
  final com.fasterxml.jackson.databind.node.ObjectNode out;

  private List<String> warnings;

  RecordContext(JsonNode root, String connection, Lookups lookups) {
    this(root, connection, lookups, null);
  }

  RecordContext(
      JsonNode root,
      String connection,
      Lookups lookups,
      com.fasterxml.jackson.databind.node.ObjectNode out) {
    this.root = root;
    this.connection = connection;
    this.lookups = lookups;
    this.out = out;
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
