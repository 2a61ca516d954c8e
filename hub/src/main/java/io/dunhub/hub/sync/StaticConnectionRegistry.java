package io.dunhub.hub.sync;

import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.OutboundMapping;
import io.dunhub.core.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ConnectionRegistry} built in code: connections already opened, with their mappings.
 * Streams default to every stream the connector reads that has an inbound mapping, parties first,
 * then contacts, invoices and payments, so references resolve in one pass.
 */
public final class StaticConnectionRegistry implements ConnectionRegistry {

  private final Map<String, Entry> entries;
  private final FieldOwnership ownership;
  private final MatchKeys matchKeys;

  private StaticConnectionRegistry(
      Map<String, Entry> entries, FieldOwnership ownership, MatchKeys matchKeys) {
    this.entries = entries;
    this.ownership = ownership;
    this.matchKeys = matchKeys;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<String> connections() {
    return List.copyOf(entries.keySet());
  }

  @Override
  public HostConnector connector(String connection) {
    return entry(connection).connector;
  }

  @Override
  public Connection connection(String connection) {
    return entry(connection).connection;
  }

  @Override
  public List<String> streams(String connection) {
    Entry e = entry(connection);
    return e.connector.capabilities().streams().stream()
        .filter(s -> e.inbound.containsKey(s.name()))
        .sorted(Comparator.comparing(StreamSpec::entity))
        .map(StreamSpec::name)
        .toList();
  }

  @Override
  public Optional<InboundMapping> inbound(String connection, String stream) {
    return Optional.ofNullable(entry(connection).inbound.get(stream));
  }

  @Override
  public Optional<OutboundMapping> outbound(String connection, EntityType entity) {
    return Optional.ofNullable(entry(connection).outbound.get(entity));
  }

  @Override
  public FieldOwnership ownership() {
    return ownership;
  }

  @Override
  public MatchKeys matchKeys() {
    return matchKeys;
  }

  private Entry entry(String connection) {
    Entry e = entries.get(connection);
    if (e == null) {
      throw new IllegalArgumentException(
          "no connection named '" + connection + "'; configured: " + entries.keySet());
    }
    return e;
  }

  private record Entry(
      HostConnector connector,
      Connection connection,
      Map<String, InboundMapping> inbound,
      Map<EntityType, OutboundMapping> outbound) {}

  /** Builds a registry. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private FieldOwnership ownership = FieldOwnership.none();
    private MatchKeys matchKeys = MatchKeys.defaults();

    /**
     * Adds an opened connection; its mappings are added with {@link #inbound}/{@link #outbound}.
     */
    public Builder connection(HostConnector connector, Connection connection) {
      if (entries.putIfAbsent(
              connection.name(),
              new Entry(connector, connection, new LinkedHashMap<>(), new LinkedHashMap<>()))
          != null) {
        throw new IllegalArgumentException("connection " + connection.name() + " added twice");
      }
      return this;
    }

    public Builder inbound(String connection, InboundMapping mapping) {
      entry(connection).inbound.put(mapping.hostObject(), mapping);
      return this;
    }

    public Builder outbound(String connection, OutboundMapping mapping) {
      entry(connection).outbound.put(mapping.entity(), mapping);
      return this;
    }

    public Builder ownership(FieldOwnership rules) {
      this.ownership = rules;
      return this;
    }

    public Builder matchKeys(MatchKeys keys) {
      this.matchKeys = keys;
      return this;
    }

    public StaticConnectionRegistry build() {
      Map<String, Entry> copy = new LinkedHashMap<>();
      entries.forEach(
          (name, e) ->
              copy.put(
                  name,
                  new Entry(
                      e.connector, e.connection, Map.copyOf(e.inbound), Map.copyOf(e.outbound))));
      return new StaticConnectionRegistry(copy, ownership, matchKeys);
    }

    private Entry entry(String connection) {
      Entry e = entries.get(connection);
      if (e == null) {
        throw new IllegalArgumentException("add connection " + connection + " first");
      }
      return e;
    }

    /** The names added so far. */
    public List<String> names() {
      return new ArrayList<>(entries.keySet());
    }
  }
}
