package io.dunhub.core.connector;

import io.dunhub.core.secret.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one connection, as written in the hub's config. Secret values are kept as {@link
 * Secret}s and never appear in {@link #toString()}.
 */
public record ConnectionSettings(
    String connection, String type, Map<String, String> values, Map<String, Secret> secrets) {

  public ConnectionSettings {
    values = Map.copyOf(values);
    secrets = Map.copyOf(secrets);
  }

  public boolean has(String key) {
    return values.containsKey(key) || secrets.containsKey(key);
  }

  public Set<String> names() {
    Set<String> names = new TreeSet<>(values.keySet());
    names.addAll(secrets.keySet());
    return names;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    String v = values.get(key);
    return v == null ? defaultValue : Integer.parseInt(v.trim());
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = values.get(key);
    return v == null ? defaultValue : Boolean.parseBoolean(v.trim());
  }

  /** A required plain setting. */
  public String require(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw new ConfigurationException(connection + ": setting '" + key + "' is required");
    }
    return v;
  }

  public Optional<Secret> secret(String key) {
    return Optional.ofNullable(secrets.get(key));
  }

  /** A required secret setting. */
  public Secret requireSecret(String key) {
    Secret s = secrets.get(key);
    if (s == null) {
      throw new ConfigurationException(connection + ": secret '" + key + "' is required");
    }
    return s;
  }

  @Override
  public String toString() {
    return "ConnectionSettings["
        + connection
        + " ("
        + type
        + "), values="
        + values
        + ", secrets="
        + secrets.keySet()
        + "]";
  }
}
