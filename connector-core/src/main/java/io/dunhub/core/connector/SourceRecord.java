package io.dunhub.core.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One record as the host sent it.
 *
 * @param hostObject the host's object type ({@code Account}, {@code Invoice}, {@code customer})
 * @param hostVersion the host's version marker (a {@code SyncToken}, a modstamp), may be null
 * @param raw the host's fields, in the host's own names, for the mapping to read
 */
public record SourceRecord(
    String hostObject,
    String hostId,
    String hostVersion,
    Instant lastModified,
    boolean deleted,
    ObjectNode raw) {
  public SourceRecord {
    Objects.requireNonNull(hostObject, "hostObject");
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(raw, "raw");
  }
}
