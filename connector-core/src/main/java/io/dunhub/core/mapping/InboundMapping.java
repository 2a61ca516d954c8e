package io.dunhub.core.mapping;

import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.model.EntityType;

/** Turns records of one host object into canonical records. Compiled once, used per record. */
public interface InboundMapping {

  String hostObject();

  EntityType entity();

  /** Maps one record. Never throws for bad data: returns {@link MappingResult.Failed}. */
  MappingResult toCanonical(SourceRecord record, String connection, Lookups lookups);
}
