package io.dunhub.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.model.EntityType;

/** Turns canonical records into the payload of one host object. */
public interface OutboundMapping {

  String hostObject();

  EntityType entity();

  /**
   * The host payload for a canonical record ({@code Party}, {@code Contact}, {@code Invoice},
   * {@code Payment} or {@code Activity}).
   *
   * @throws MappingException when a required value is missing or cannot be converted
   */
  ObjectNode toHost(Object canonical, String connection, Lookups lookups);
}
