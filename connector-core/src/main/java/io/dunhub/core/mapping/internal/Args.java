package io.dunhub.core.mapping.internal;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** The settings of one transform as written, read with their positions. */
final class Args {
  private final String transform;
  private final Node node;
  private final Map<String, Node> fields;
  private final YamlTree yaml;
  private final Where where;

  Args(String transform, Node node, Set<String> allowed, YamlTree yaml, Where where) {
    this.transform = transform;
    this.node = node;
    this.yaml = yaml;
    this.where = where;
    this.fields =
        node == null || node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode
            ? Map.of()
            : yaml.fields(node, "transform " + transform, allowed);
  }

  /** The node itself when the transform was written as {@code {constant: X}}. */
  Node shorthand() {
    return node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ? node : null;
  }

  Node node(String key) {
    return fields.get(key);
  }

  boolean has(String key) {
    return fields.containsKey(key);
  }

  String text(String key) {
    return yaml.text(fields.get(key), "transform " + transform + " '" + key + "'");
  }

  Integer integer(String key) {
    return yaml.integer(fields.get(key), "transform " + transform + " '" + key + "'");
  }

  Boolean bool(String key) {
    return yaml.bool(fields.get(key), "transform " + transform + " '" + key + "'");
  }

  Where where(String key) {
    Node n = key == null ? null : fields.get(key);
    return n == null ? where : yaml.where(n);
  }

  Where where() {
    return where;
  }

  YamlTree yaml() {
    return yaml;
  }

  void error(String key, String message) {
    yaml.problems().error(where(key), "transform " + transform + ": " + message);
  }
}
