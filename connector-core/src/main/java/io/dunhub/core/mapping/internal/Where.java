package io.dunhub.core.mapping.internal;

import org.snakeyaml.engine.v2.nodes.Node;

/** A place in a file: 1-based line and column. */
public record Where(String file, int line, int column) {

  static Where of(String file, Node node) {
    if (node == null || node.getStartMark().isEmpty()) {
      return new Where(file, 0, 0);
    }
    var mark = node.getStartMark().get();
    return new Where(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
