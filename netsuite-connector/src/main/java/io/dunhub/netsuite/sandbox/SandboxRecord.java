package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One record as the sandbox keeps it: its REST type, internal id, external id, the time it last
 * changed, and its fields in SuiteTalk REST names ({@code companyName}, {@code entity: {id}}).
 */
public record SandboxRecord(
    String type, long id, String externalId, Instant lastModified, ObjectNode fields) {

  /** The id of a reference field ({@code {"id": "12"}}), or null. */
  public String ref(String field) {
    return fields.hasNonNull(field) && fields.get(field).hasNonNull("id")
        ? fields.get(field).get("id").asText()
        : null;
  }

  /** A text field, or null. */
  public String text(String field) {
    return fields.hasNonNull(field) ? fields.get(field).asText() : null;
  }
}
