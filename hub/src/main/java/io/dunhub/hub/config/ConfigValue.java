package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML node with its key path, read leniently: every accessor reports a problem (with the
 * node's line and column) and returns empty instead of throwing, so one pass finds every problem.
 */
final class ConfigValue {

  private final Node node;
  private final Node keyNode;
  private final String path;
  private final Problems problems;
  private final EnvSubstitution env;

  ConfigValue(Node node, String path, Problems problems, EnvSubstitution env) {
    this(node, null, path, problems, env);
  }

  private ConfigValue(
      Node node, Node keyNode, String path, Problems problems, EnvSubstitution env) {
    this.node = node;
    this.keyNode = keyNode;
    this.path = path;
    this.problems = problems;
    this.env = env;
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  /**
   * Reports a problem on this node: on its value when it is a single value, on its key when it is a
   * mapping or list (whose value starts on a later line).
   */
  void problem(String message) {
    problems.at(where(), path, message);
  }

  private Node where() {
    return keyNode != null && !(node instanceof ScalarNode) ? keyNode : node;
  }

  /** Reports a problem on this node's line under another key path (a key that is missing). */
  void problemAtPath(String otherPath, String message) {
    problems.at(where(), otherPath, message);
  }

  boolean isNull() {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  boolean isSequence() {
    return node instanceof SequenceNode;
  }

  /**
   * The entries of a mapping, keyed by name. Reports (at the key) every key not in {@code known},
   * with a suggestion, and every duplicate key.
   */
  Map<String, ConfigValue> entries(Collection<String> known) {
    Map<String, ConfigValue> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      if (!isNull()) {
        problem("must be a mapping of keys to values");
      }
      return entries;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.at(keyNode, path, "keys must be plain names");
        continue;
      }
      String key = keyScalar.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (entries.containsKey(key)) {
        problems.at(keyNode, childPath, "is set twice; keep one");
        continue;
      }
      if (known != null && !known.contains(key)) {
        problems.at(
            keyNode,
            childPath,
            "unknown key"
                + Suggestions.didYouMean(key, known)
                + "; known keys here: "
                + String.join(", ", known));
        continue;
      }
      entries.put(key, new ConfigValue(tuple.getValueNode(), keyNode, childPath, problems, env));
    }
    return entries;
  }

  /** The items of a sequence; a single scalar counts as a one-item list. */
  List<ConfigValue> items() {
    List<ConfigValue> items = new ArrayList<>();
    if (node instanceof SequenceNode seq) {
      List<Node> value = seq.getValue();
      for (int i = 0; i < value.size(); i++) {
        items.add(new ConfigValue(value.get(i), path + "[" + i + "]", problems, env));
      }
    } else if (node instanceof ScalarNode && !isNull()) {
      items.add(this);
    } else if (!isNull()) {
      problem("must be a list");
    }
    return items;
  }

  /** The text of a scalar after {@code ${ENV}} substitution; empty (and reported) otherwise. */
  Optional<String> text() {
    return scalar().map(r -> r.value());
  }

  /** Text that must not be blank. */
  Optional<String> requiredText() {
    Optional<String> text = text();
    if (text.isPresent() && text.get().isBlank()) {
      problem("must not be empty");
      return Optional.empty();
    }
    if (text.isEmpty() && isNull()) {
      problem("must have a value");
    }
    return text;
  }

  /** A secret value; the text is never put in a message. */
  Optional<Secret> secret() {
    return scalar().map(r -> Secret.of(r.value()));
  }

  /** Whether the value came (at least partly) from an environment variable. */
  boolean fromEnvironment() {
    if (node instanceof ScalarNode s && !isNull()) {
      return env.apply(s.getValue()).fromEnvironment();
    }
    return false;
  }

  Optional<Integer> integer(int min, int max) {
    Optional<String> text = text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(text.get().trim());
      if (n < min || n > max) {
        problem("must be between " + min + " and " + max + ", got " + n);
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      problem("must be a whole number");
      return Optional.empty();
    }
  }

  Optional<Boolean> bool() {
    Optional<String> text = text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get().trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Optional.of(Boolean.parseBoolean(t));
    }
    problem("must be true or false");
    return Optional.empty();
  }

  /** One of the constants of an enum, written in any case ({@code starttls}, {@code STARTTLS}). */
  <E extends Enum<E>> Optional<E> oneOf(Class<E> type) {
    Optional<String> text = text();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      names.add(name);
      if (name.equals(text.get().trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(constant);
      }
    }
    problem(
        "must be one of "
            + String.join(", ", names)
            + Suggestions.didYouMean(text.get().trim(), names));
    return Optional.empty();
  }

  /** Reports a value that is not in a set of allowed names, with a suggestion. */
  boolean requireIn(String value, Set<String> allowed, String what) {
    if (allowed.contains(value)) {
      return true;
    }
    problem(
        "unknown "
            + what
            + " '"
            + value
            + "'"
            + Suggestions.didYouMean(value, allowed)
            + (allowed.isEmpty() ? "" : "; known: " + String.join(", ", allowed)));
    return false;
  }

  private Optional<EnvSubstitution.Result> scalar() {
    if (!(node instanceof ScalarNode s)) {
      problem("must be a single value, not a " + (isMapping() ? "mapping" : "list"));
      return Optional.empty();
    }
    if (isNull()) {
      return Optional.empty();
    }
    EnvSubstitution.Result result = env.apply(s.getValue());
    if (!result.problems().isEmpty()) {
      result.problems().forEach(this::problem);
      return Optional.empty();
    }
    return Optional.of(result);
  }
}
