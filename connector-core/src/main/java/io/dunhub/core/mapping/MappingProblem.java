package io.dunhub.core.mapping;

/**
 * One problem found while loading mapping files, with where it was written.
 *
 * @param file the file (a path, or {@code classpath:...} for a shipped default)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 */
public record MappingProblem(Severity severity, String file, int line, int column, String message) {

  /** Errors stop a mapping from being used; warnings do not. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
