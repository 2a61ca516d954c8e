package io.dunhub.hub.config;

import java.util.List;

/** A config file with problems; carries every problem found, each with its file and line. */
public final class ConfigException extends RuntimeException {

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }

  private static String describe(List<ConfigError> errors) {
    StringBuilder b =
        new StringBuilder()
            .append(errors.size())
            .append(errors.size() == 1 ? " problem" : " problems")
            .append(" in the configuration:");
    for (ConfigError e : errors) {
      b.append(System.lineSeparator()).append("  ").append(e.format());
    }
    return b.toString();
  }
}
