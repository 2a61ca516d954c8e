package io.dunhub.core.connector;

import io.dunhub.core.model.EntityType;

/** A writable host object, the canonical entity it takes, and its largest batch. */
public record SinkSpec(String hostObject, EntityType entity, int maxBatch) {
  public SinkSpec {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
  }
}
