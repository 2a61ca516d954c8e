package io.dunhub.hub.config;

import java.nio.file.Path;

/**
 * One problem in a config file, with where it is: the file, the 1-based line and column, and the
 * key path ({@code connections[0].settings.token}). Messages never contain a secret value.
 */
public record ConfigError(Path file, int line, int column, String path, String message) {

  /** {@code dunhub.yml:12:7: connections[0].type: unknown connector 'salesfroce'}. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(file == null ? "<config>" : file.toString());
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (path != null && !path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
