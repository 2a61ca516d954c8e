package io.dunhub.hub.config;

import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.secret.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code connections} list: each connection's name, connector type, settings and sync
 * schedule. Settings are checked by the connector's own {@link HostConnector#validate}, and each
 * problem it finds is placed on the line of the setting it names.
 */
final class ConnectionsReader {

  static final ScheduleSpec DEFAULT_SCHEDULE = SyncConfig.DEFAULT_SCHEDULE;
  private static final List<String> KEYS = List.of("name", "type", "settings", "sync");
  private static final List<String> SYNC_KEYS = List.of("enabled", "schedule", "streams");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final Map<String, HostConnector> connectors;
  private final Mode mode;

  ConnectionsReader(Map<String, HostConnector> connectors, Mode mode) {
    this.connectors = connectors;
    this.mode = mode;
  }

  List<ConnectionConfig> read(ConfigValue list) {
    List<ConnectionConfig> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigValue item : list.items()) {
      Map<String, ConfigValue> entries = item.entries(KEYS);
      if (!item.isMapping()) {
        continue;
      }
      Optional<String> name = required(item, entries, "name").flatMap(ConfigValue::requiredText);
      if (name.isPresent()) {
        if (!NAME.matcher(name.get()).matches()) {
          entries
              .get("name")
              .problem(
                  "'"
                      + name.get()
                      + "' is not a valid connection name (lower-case letters, digits, '-' and"
                      + " '_', at most 40)");
          name = Optional.empty();
        } else if (!names.add(name.get())) {
          entries.get("name").problem("another connection is already named '" + name.get() + "'");
          name = Optional.empty();
        }
      }
      Optional<String> type = required(item, entries, "type").flatMap(ConfigValue::requiredText);
      HostConnector connector = null;
      if (type.isPresent()) {
        if (entries.get("type").requireIn(type.get(), new TreeSet<>(connectors.keySet()), "type")) {
          connector = connectors.get(type.get());
        }
      }
      ConnectionSettings settings =
          settings(name.orElse("?"), type.orElse("?"), entries.get("settings"), connector, item);
      SyncConfig sync = sync(entries.get("sync"), connector);
      if (name.isPresent() && connector != null && settings != null) {
        result.add(
            new ConnectionConfig(
                name.get(),
                type.get(),
                settings,
                sync,
                item.node().getStartMark().map(m -> m.getLine() + 1).orElse(0)));
      }
    }
    return result;
  }

  private static Optional<ConfigValue> required(
      ConfigValue parent, Map<String, ConfigValue> entries, String key) {
    ConfigValue value = entries.get(key);
    if (value == null) {
      parent.problem("'" + key + "' is required");
    }
    return Optional.ofNullable(value);
  }

  private ConnectionSettings settings(
      String name, String type, ConfigValue node, HostConnector connector, ConfigValue item) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    Map<String, ConfigValue> leaves = new LinkedHashMap<>();
    if (node != null) {
      flatten(node, "", leaves);
    }
    Set<String> unreadable = new HashSet<>();
    for (Map.Entry<String, ConfigValue> leaf : leaves.entrySet()) {
      String key = leaf.getKey();
      ConfigValue value = leaf.getValue();
      boolean secret = connector != null && connector.configSpec().isSecret(key);
      if (secret) {
        Optional<Secret> s = value.secret();
        if (s.isPresent()) {
          secrets.put(key, s.get());
          if (mode == Mode.PRODUCTION && !value.fromEnvironment()) {
            value.problem(SecretRules.WRITTEN_IN_FILE);
          }
        } else {
          unreadable.add(key);
        }
      } else {
        Optional<String> text = value.text();
        if (text.isPresent()) {
          values.put(key, text.get());
        } else {
          unreadable.add(key);
        }
      }
    }
    ConnectionSettings settings = new ConnectionSettings(name, type, values, secrets);
    if (connector == null) {
      return settings;
    }
    List<ConfigProblem> problems;
    try {
      problems = connector.validate(settings);
    } catch (RuntimeException e) {
      ConfigValue where = node == null ? item : node;
      where.problem(
          "the " + type + " connector could not check these settings: " + e.getClass().getName());
      return settings;
    }
    for (ConfigProblem problem : problems) {
      if (problem.key() != null && unreadable.contains(problem.key())) {
        continue; // already reported where the value is
      }
      ConfigValue at = problem.key() == null ? null : leaves.get(problem.key());
      if (at != null) {
        String hint =
            connector.configSpec().keys().containsKey(problem.key())
                ? ""
                : Suggestions.didYouMean(problem.key(), connector.configSpec().keys().keySet());
        at.problem(problem.message() + hint);
      } else if (node != null && !node.isNull()) {
        node.problemAtPath(node.path() + keySuffix(problem), problem.message());
      } else {
        item.problemAtPath(item.path() + ".settings" + keySuffix(problem), problem.message());
      }
    }
    return settings;
  }

  private static String keySuffix(ConfigProblem problem) {
    return problem.key() == null ? "" : "." + problem.key();
  }

  private static void flatten(ConfigValue node, String prefix, Map<String, ConfigValue> leaves) {
    Map<String, ConfigValue> entries = node.entries(null);
    for (Map.Entry<String, ConfigValue> e : entries.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      ConfigValue value = e.getValue();
      if (value.isMapping()) {
        flatten(value, key, leaves);
      } else if (value.isSequence()) {
        value.problem("must be a single value; write a list as one comma-separated value");
      } else if (!value.isNull()) {
        leaves.put(key, value);
      }
    }
  }

  private SyncConfig sync(ConfigValue node, HostConnector connector) {
    if (node == null) {
      return new SyncConfig(true, DEFAULT_SCHEDULE, List.of());
    }
    Map<String, ConfigValue> entries = node.entries(SYNC_KEYS);
    boolean enabled =
        Optional.ofNullable(entries.get("enabled")).flatMap(ConfigValue::bool).orElse(true);
    ScheduleSpec schedule =
        Optional.ofNullable(entries.get("schedule"))
            .flatMap(ScheduleParser::read)
            .orElse(DEFAULT_SCHEDULE);
    List<String> streams = new ArrayList<>();
    ConfigValue streamsNode = entries.get("streams");
    if (streamsNode != null) {
      Set<String> known = new TreeSet<>();
      if (connector != null) {
        connector.capabilities().streams().stream().map(StreamSpec::name).forEach(known::add);
      }
      for (ConfigValue item : streamsNode.items()) {
        item.requiredText()
            .ifPresent(
                s -> {
                  if (connector == null || item.requireIn(s, known, "stream")) {
                    streams.add(s);
                  }
                });
      }
    }
    return new SyncConfig(enabled, schedule, streams);
  }
}
