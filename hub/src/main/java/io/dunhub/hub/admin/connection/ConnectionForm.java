package io.dunhub.hub.admin.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.admin.ApiError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a request to add or change a connection says: its settings (validated by the connector,
 * secrets kept as {@link Secret}), whether it syncs, every problem at once, and the same connection
 * as config-file YAML.
 */
final class ConnectionForm {

  private ConnectionForm() {}

  static boolean enabled(ObjectNode body, boolean otherwise, List<Map<String, String>> problems) {
    JsonNode node = body.get("enabled");
    if (node == null || node.isNull()) {
      return otherwise;
    }
    if (!node.isBoolean()) {
      problems.add(problem("enabled", "must be true or false"));
      return otherwise;
    }
    return node.asBoolean();
  }

  /**
   * The settings of a body, validated by the connector (problems added to the list).
   *
   * @param before the settings they replace, whose secrets a masked value keeps; or null
   */
  static ConnectionSettings settings(
      Map<String, HostConnector> connectors,
      String name,
      String type,
      JsonNode settingsNode,
      ConnectionSettings before,
      List<Map<String, String>> problems) {
    HostConnector connector = connectors.get(type);
    if (connector == null) {
      problems.add(
          problem(
              "connector",
              "must be one of " + new TreeSet<>(connectors.keySet()) + ", got '" + type + "'"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    if (settingsNode == null || !settingsNode.isObject()) {
      problems.add(problem("settings", "must be an object of setting names to values"));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = settingsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          problems.add(problem("settings." + e.getKey(), "must be a text, number or boolean"));
          continue;
        }
        String v = e.getValue().asText();
        if (connector != null && connector.configSpec().isSecret(e.getKey())) {
          Secret kept =
              before != null && SecretMasking.MASK.equals(v)
                  ? before.secrets().get(e.getKey())
                  : null;
          secrets.put(e.getKey(), kept != null ? kept : Secret.of(v));
        } else {
          values.put(e.getKey(), v);
        }
      }
    }
    ConnectionSettings settings = new ConnectionSettings(name, type, values, secrets);
    if (connector != null && settingsNode != null && settingsNode.isObject()) {
      for (ConfigProblem p : connector.validate(settings)) {
        problems.add(
            problem(
                p.key() == null ? "settings" : "settings." + p.key(),
                SecretMasking.scrub(p.message(), settings)));
      }
    }
    return settings;
  }

  static ApiError invalid(List<Map<String, String>> problems) {
    return new ApiError(
        400,
        problems.size()
            + " problem(s): "
            + problems.get(0).get("field")
            + ": "
            + problems.get(0).get("message"),
        problems.get(0).get("field"),
        problems);
  }

  /** The config-file entry for a connection; secrets as environment variables to set. */
  static String yaml(ConnectionSettings s) {
    StringBuilder b = new StringBuilder();
    b.append("connections:\n  - name: ").append(s.connection()).append('\n');
    b.append("    type: ").append(s.type()).append('\n');
    b.append("    settings:\n");
    for (String key : new TreeSet<>(s.names())) {
      b.append("      ").append(key).append(": ");
      if (s.secrets().containsKey(key)) {
        b.append("${")
            .append(
                (s.connection() + "_" + key)
                    .toUpperCase(java.util.Locale.ROOT)
                    .replaceAll("[^A-Z0-9]", "_"))
            .append("}");
      } else {
        b.append('"').append(s.values().get(key).replace("\"", "\\\"")).append('"');
      }
      b.append('\n');
    }
    return b.toString();
  }

  static Map<String, String> problem(String field, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("message", message);
    return m;
  }
}
