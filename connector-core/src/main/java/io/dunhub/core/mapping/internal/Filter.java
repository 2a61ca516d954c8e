package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** A compiled filter: which host records (or list elements) a mapping takes. */
record Filter(HostPath path, String op, Set<String> values, boolean present, String description) {

  boolean test(JsonNode record) {
    JsonNode n = path.read(record);
    String v = n == null || n.isContainerNode() ? null : n.asText();
    if (v != null && v.isBlank()) {
      v = null;
    }
    return switch (op) {
      case "present" -> (v != null) == present;
      case "equals", "in" -> v != null && values.contains(v);
      default -> v == null || !values.contains(v);
    };
  }
}
