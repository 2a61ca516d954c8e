package io.dunhub.hub.runtime;

import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.OutboundMapping;
import io.dunhub.core.model.EntityType;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.OwnershipConfig;
import io.dunhub.hub.sync.ConnectionRegistry;
import io.dunhub.hub.sync.FieldOwnership;
import io.dunhub.hub.sync.MatchKeys;
import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of the config file and the enabled ones added through the admin API (read from
 * the store, looked up again when a name is not known), as the sync engine sees them: each one's
 * connector (from the registry), its connection (opened on first use and kept until its settings
 * change), its streams and its mappings (by the connector's id as the mapping system; replaced when
 * a new version is saved), and the ownership rules and match keys of the config. A config
 * connection wins over an added one of the same name.
 */
public final class ConfigConnectionRegistry implements ConnectionRegistry, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigConnectionRegistry.class);

  private final Map<String, ConnectionConfig> connections = new LinkedHashMap<>();
  private final Supplier<Map<String, ConnectionConfig>> addedSource;
  private volatile Map<String, ConnectionConfig> added = Map.of();
  private volatile boolean addedRead;
  private final Map<String, HostConnector> connectors;
  private volatile MappingSet mappings;
  private final Clock clock;
  private final TokenStore tokens;
  private final OkHttpClient http;
  private final FieldOwnership ownership;
  private final MatchKeys matchKeys;
  private final Map<String, Connection> opened = new ConcurrentHashMap<>();

  public ConfigConnectionRegistry(
      HubConfig config,
      Map<String, HostConnector> connectors,
      MappingSet mappings,
      Clock clock,
      TokenStore tokens,
      OkHttpClient http) {
    this(config, Map::of, connectors, mappings, clock, tokens, http);
  }

  /**
   * @param added the enabled connections added through the admin API, by name (read on start and
   *     whenever {@link #refresh()} is called or an unknown name is asked for)
   */
  public ConfigConnectionRegistry(
      HubConfig config,
      Supplier<Map<String, ConnectionConfig>> added,
      Map<String, HostConnector> connectors,
      MappingSet mappings,
      Clock clock,
      TokenStore tokens,
      OkHttpClient http) {
    config.connections().forEach(c -> connections.put(c.name(), c));
    this.addedSource = added;
    this.connectors = Map.copyOf(connectors);
    this.mappings = mappings;
    this.clock = clock;
    this.tokens = tokens;
    this.http = http;
    this.ownership = ownership(config.ownership());
    this.matchKeys = matchKeys(config.ownership());
  }

  static FieldOwnership ownership(OwnershipConfig config) {
    FieldOwnership.Builder builder = FieldOwnership.builder();
    for (OwnershipConfig.Rule rule : config.rules()) {
      for (String field : rule.fields()) {
        builder.owner(rule.entity(), field, rule.owner());
      }
    }
    return builder.build();
  }

  static MatchKeys matchKeys(OwnershipConfig config) {
    MatchKeys keys = MatchKeys.defaults();
    for (Map.Entry<EntityType, List<String>> e : config.matchKeys().entrySet()) {
      keys = keys.with(e.getKey(), e.getValue());
    }
    return keys;
  }

  /** Reads the connections added through the admin API again; returns them by name. */
  public Map<String, ConnectionConfig> refresh() {
    Map<String, ConnectionConfig> now = new LinkedHashMap<>();
    addedSource
        .get()
        .forEach(
            (name, c) -> {
              if (!connections.containsKey(name) && c.sync().enabled()) {
                now.put(name, c);
              }
            });
    Map<String, ConnectionConfig> before = added;
    added = Collections.unmodifiableMap(now);
    addedRead = true;
    before.forEach(
        (name, c) -> {
          if (!c.equals(now.get(name))) {
            forget(name);
          }
        });
    return added;
  }

  /** Closes the connection's open session (its settings changed, or it was removed). */
  public void forget(String connection) {
    Connection c = opened.remove(connection);
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException e) {
        LOG.warn("connection {} did not close cleanly", connection, e);
      }
    }
  }

  /** The mappings in use now. */
  public MappingSet mappings() {
    return mappings;
  }

  /** Uses these mappings from the next page on (they must have no errors). */
  public void replaceMappings(MappingSet newMappings) {
    if (newMappings.hasErrors()) {
      throw new IllegalArgumentException("mappings with errors: " + newMappings.errors());
    }
    this.mappings = newMappings;
  }

  @Override
  public List<String> connections() {
    if (!addedRead) {
      refresh();
    }
    List<String> all = new java.util.ArrayList<>(connections.keySet());
    all.addAll(added.keySet());
    return List.copyOf(all);
  }

  @Override
  public boolean has(String connection) {
    return find(connection).isPresent();
  }

  /** The connection's config, from the file or added through the API (and enabled). */
  public Optional<ConnectionConfig> find(String connection) {
    ConnectionConfig c = connections.get(connection);
    if (c == null) {
      c = added.get(connection);
    }
    if (c == null) {
      c = refresh().get(connection);
    }
    return Optional.ofNullable(c);
  }

  private ConnectionConfig config(String connection) {
    return find(connection)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no connection named '"
                        + connection
                        + "' in the config or added through the admin API; known: "
                        + connections()));
  }

  @Override
  public HostConnector connector(String connection) {
    return connectors.get(config(connection).type());
  }

  @Override
  public java.util.Optional<Connection> ifOpen(String connection) {
    return java.util.Optional.ofNullable(opened.get(connection));
  }

  @Override
  public Connection connection(String connection) {
    ConnectionConfig c = config(connection);
    return opened.computeIfAbsent(
        connection,
        name -> {
          LOG.debug("opening connection {} ({})", name, c.type());
          return connector(name).open(new ConnectionContext(c.settings(), clock, tokens, http));
        });
  }

  @Override
  public List<String> streams(String connection) {
    ConnectionConfig c = config(connection);
    HostConnector connector = connector(connection);
    return connector.capabilities().streams().stream()
        .filter(s -> c.sync().streams().isEmpty() || c.sync().streams().contains(s.name()))
        .filter(s -> inbound(connection, s.name()).isPresent())
        .sorted(Comparator.comparing(StreamSpec::entity))
        .map(StreamSpec::name)
        .toList();
  }

  @Override
  public Optional<InboundMapping> inbound(String connection, String stream) {
    return mappings.inbound(config(connection).type(), stream);
  }

  @Override
  public Optional<OutboundMapping> outbound(String connection, EntityType entity) {
    return mappings.forSystem(config(connection).type()).stream()
        .filter(m -> m.entity() == entity && m.direction().outbound())
        .map(m -> (OutboundMapping) m)
        .findFirst();
  }

  @Override
  public FieldOwnership ownership() {
    return ownership;
  }

  @Override
  public MatchKeys matchKeys() {
    return matchKeys;
  }

  @Override
  public void close() {
    opened.forEach(
        (name, connection) -> {
          try {
            connection.close();
          } catch (RuntimeException e) {
            LOG.warn("connection {} did not close cleanly", name, e);
          }
        });
    opened.clear();
  }
}
