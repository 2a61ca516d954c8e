package io.dunhub.hub.dunning.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Typed reads from a composed YAML node tree that record every problem with its line. */
final class YamlReader {
  private final String file;
  private final List<PolicyProblem> problems;

  YamlReader(String file, List<PolicyProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  void problem(Node node, String message) {
    int line = 1;
    int column = 1;
    if (node != null && node.getStartMark().isPresent()) {
      Mark mark = node.getStartMark().get();
      line = mark.getLine() + 1;
      column = mark.getColumn() + 1;
    }
    problems.add(new PolicyProblem(file, line, column, message));
  }

  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  /** The keys of a mapping with their value nodes; reports unknown keys and duplicates. */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    Map<String, Node> result = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping");
      return result;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(tuple.getKeyNode(), what + ": keys must be plain words");
        continue;
      }
      String name = key.getValue();
      if (allowed != null && !allowed.contains(name)) {
        problem(
            key, what + ": unknown key '" + name + "' (expected one of " + sorted(allowed) + ")");
        continue;
      }
      if (result.put(name, tuple.getValueNode()) != null) {
        problem(key, what + ": '" + name + "' appears twice");
      }
    }
    return result;
  }

  String text(Node node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue().trim();
    }
    problem(node, what + " must be a non-empty text");
    return null;
  }

  Integer integer(Node node, String what, int min, int max) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        problem(node, what + " must be between " + min + " and " + max + ", not " + value);
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(node, what + " must be a whole number, not '" + text + "'");
      return null;
    }
  }

  BigDecimal decimal(Node node, String what) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        problem(node, what + " must not be negative");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(node, what + " must be a number, not '" + text + "'");
      return null;
    }
  }

  Boolean bool(Node node, String what) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problem(node, what + " must be true or false, not '" + text + "'");
    return null;
  }

  /** A sequence of values (a single scalar counts as a one-element list). */
  <T> List<T> list(Node node, String what, Function<Node, T> item) {
    List<T> result = new ArrayList<>();
    if (node instanceof ScalarNode) {
      T value = item.apply(node);
      if (value != null) {
        result.add(value);
      }
      return result;
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, what + " must be a list");
      return result;
    }
    for (Node element : sequence.getValue()) {
      T value = item.apply(element);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /** Parses a text with a function whose IllegalArgumentException becomes a problem. */
  <T> T parse(Node node, String what, Function<String, T> parser) {
    String text = text(node, what);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      problem(node, what + ": " + e.getMessage());
      return null;
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
