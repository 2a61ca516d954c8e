package io.dunhub.core.mapping.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML as snakeyaml-engine nodes, which keep their line and column, and reports shape
 * problems (a list where a map belongs, an unknown key, a key written twice) against one file.
 */
final class YamlTree {
  private final String file;
  private final Problems problems;

  YamlTree(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  Problems problems() {
    return problems;
  }

  /** The document's root node, or empty after reporting a syntax error. */
  Optional<Node> parse(String text) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(text);
      if (root.isEmpty()) {
        problems.error(new Where(file, 0, 0), "the file is empty");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      Where where =
          e.getProblemMark()
              .map(m -> new Where(file, m.getLine() + 1, m.getColumn() + 1))
              .orElse(new Where(file, 0, 0));
      problems.error(where, "YAML syntax: " + e.getProblem());
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.error(new Where(file, 0, 0), "YAML syntax: " + e.getMessage());
      return Optional.empty();
    }
  }

  Where where(Node node) {
    return Where.of(file, node);
  }

  /**
   * The entries of a map node by key, reporting a non-map, duplicate keys and keys not in {@code
   * allowed} (with the allowed ones named). Returns an empty map after reporting a non-map.
   */
  Map<String, Node> fields(Node node, String what, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode map)) {
      problems.error(where(node), what + " must be a map of keys to values");
      return out;
    }
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      if (key == null) {
        problems.error(where(t.getKeyNode()), what + ": a key must be plain text");
        continue;
      }
      if (keys.containsKey(key)) {
        problems.error(
            where(t.getKeyNode()),
            what
                + ": '"
                + key
                + "' is written twice (first on line "
                + where(keys.get(key)).line()
                + ")");
        continue;
      }
      keys.put(key, t.getKeyNode());
      if (allowed != null && !allowed.contains(key)) {
        problems.error(
            where(t.getKeyNode()),
            what
                + ": unknown key '"
                + key
                + "'"
                + Suggest.hint(key, allowed)
                + "; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
        continue;
      }
      out.put(key, t.getValueNode());
    }
    return out;
  }

  /** The raw entries of a map node in order (for value maps), reporting a non-map. */
  List<NodeTuple> entries(Node node, String what) {
    if (!(node instanceof MappingNode map)) {
      problems.error(where(node), what + " must be a map");
      return List.of();
    }
    return map.getValue();
  }

  /** A scalar's text, or null after reporting a list or map; null for a YAML null. */
  String text(Node node, String what) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? null : s.getValue();
    }
    problems.error(where(node), what + " must be a single value, not a " + kind(node));
    return null;
  }

  /** A required, non-blank text. */
  String requiredText(Map<String, Node> fields, String key, String what, Node parent) {
    Node n = fields.get(key);
    if (n == null) {
      problems.error(where(parent), what + ": '" + key + "' is required");
      return null;
    }
    String t = text(n, what + " '" + key + "'");
    if (t != null && t.isBlank()) {
      problems.error(where(n), what + ": '" + key + "' must not be blank");
      return null;
    }
    return t;
  }

  Boolean bool(Node node, String what) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
    }
    problems.error(where(node), what + " must be true or false, not " + shown(node));
    return null;
  }

  Integer integer(Node node, String what) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return Integer.parseInt(s.getValue());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    problems.error(where(node), what + " must be a whole number, not " + shown(node));
    return null;
  }

  /** A list of texts; a single text counts as a list of one. */
  List<String> texts(Node node, String what) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        String t = text(item, what);
        if (t != null) {
          out.add(t);
        }
      }
    } else {
      String t = text(node, what);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** The items of a list node, or nothing after reporting a non-list. */
  List<Node> list(Node node, String what) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    problems.error(where(node), what + " must be a list (items start with '- ')");
    return List.of();
  }

  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "map";
    }
    return node instanceof SequenceNode ? "list" : "value";
  }

  static String shown(Node node) {
    return node instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + kind(node);
  }
}
