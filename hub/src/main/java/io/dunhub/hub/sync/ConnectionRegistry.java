package io.dunhub.hub.sync;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.OutboundMapping;
import io.dunhub.core.model.EntityType;
import java.util.List;
import java.util.Optional;

/**
 * What the sync engine needs to know about the configured connections. The hub implements it from
 * its config file; {@link StaticConnectionRegistry} builds one in code (tests, benchmarks).
 */
public interface ConnectionRegistry {

  /** Every configured connection, in config order. */
  List<String> connections();

  /** The connector of a connection's host type. */
  HostConnector connector(String connection);

  /** The connection if it is open already (never opens one); empty otherwise. */
  default java.util.Optional<io.dunhub.core.connector.Connection> ifOpen(String connection) {
    return java.util.Optional.empty();
  }

  /** The opened connection (opened once, reused; closed by whoever owns the registry). */
  Connection connection(String connection);

  /** The streams read from a connection, in the order a full sync runs them. */
  List<String> streams(String connection);

  /** How records of one stream become canonical records; empty when the stream is not read. */
  Optional<InboundMapping> inbound(String connection, String stream);

  /**
   * How canonical records of one entity are written to a connection; empty when that connection
   * does not receive that entity.
   */
  Optional<OutboundMapping> outbound(String connection, EntityType entity);

  /** Which connection owns which canonical field. */
  FieldOwnership ownership();

  /** How records new to a connection are linked to existing canonical records. */
  MatchKeys matchKeys();

  default Capabilities capabilities(String connection) {
    return connector(connection).capabilities();
  }

  /** Whether the name is a configured connection. */
  default boolean has(String connection) {
    return connections().contains(connection);
  }
}
