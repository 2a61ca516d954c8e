package io.dunhub.core.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a connector takes, declared as data (after Kafka Connect's {@code ConfigDef}).
 * Validation returns every problem at once.
 */
public final class ConfigSpec {

  /** The type a setting's value must have. */
  public enum Type {
    STRING,
    INT,
    BOOLEAN,
    URL,
    /** Masked everywhere, encrypted at rest. */
    SECRET
  }

  /** One setting. */
  public record Key(String name, Type type, boolean required, String defaultValue, String doc) {}

  private final Map<String, Key> keys = new LinkedHashMap<>();

  public ConfigSpec define(String name, Type type, boolean required, String doc) {
    return define(name, type, required, null, doc);
  }

  public ConfigSpec define(
      String name, Type type, boolean required, String defaultValue, String doc) {
    if (keys.putIfAbsent(name, new Key(name, type, required, defaultValue, doc)) != null) {
      throw new IllegalStateException("setting " + name + " declared twice");
    }
    return this;
  }

  public Map<String, Key> keys() {
    return Map.copyOf(keys);
  }

  public List<Key> orderedKeys() {
    return List.copyOf(keys.values());
  }

  public boolean isSecret(String name) {
    Key key = keys.get(name);
    return key != null && key.type() == Type.SECRET;
  }

  /** Every problem: missing required keys, unknown keys, values of the wrong type. */
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Key key : keys.values()) {
      boolean present = settings.has(key.name());
      if (!present) {
        if (key.required() && key.defaultValue() == null) {
          problems.add(new ConfigProblem(key.name(), "is required (" + key.doc() + ")"));
        }
        continue;
      }
      if (key.type() == Type.SECRET) {
        continue;
      }
      String value = settings.get(key.name()).orElse("");
      switch (key.type()) {
        case INT -> {
          try {
            Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            problems.add(
                new ConfigProblem(key.name(), "must be a whole number, got '" + value + "'"));
          }
        }
        case BOOLEAN -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add(
                new ConfigProblem(key.name(), "must be true or false, got '" + value + "'"));
          }
        }
        case URL -> {
          if (!value.startsWith("http://") && !value.startsWith("https://")) {
            problems.add(
                new ConfigProblem(key.name(), "must be an http(s) URL, got '" + value + "'"));
          }
        }
        default -> {}
      }
    }
    for (String name : settings.names()) {
      if (!keys.containsKey(name)) {
        problems.add(
            new ConfigProblem(name, "is not a setting of this connector; known: " + keys.keySet()));
      }
    }
    return problems;
  }
}
