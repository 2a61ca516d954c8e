package io.dunhub.hub.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every problem found while reading one config file. */
final class Problems {

  private final Path file;
  private final List<ConfigError> errors = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void at(Node node, String path, String message) {
    at(node == null ? Optional.empty() : node.getStartMark(), path, message);
  }

  void at(Optional<Mark> mark, String path, String message) {
    int line = mark.map(m -> m.getLine() + 1).orElse(0);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    errors.add(new ConfigError(file, line, column, path, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Every problem, in the order they appear in the file. */
  List<ConfigError> sorted() {
    List<ConfigError> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
    return copy;
  }
}
