package io.dunhub.hub.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where environment variables come from. Injected so that nothing reads the process environment
 * directly and tests can supply their own.
 */
@FunctionalInterface
public interface EnvLookup {

  /** The variable's value, or empty when it is not set. */
  Optional<String> get(String name);

  /** The process environment. */
  static EnvLookup system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  /** A fixed set of variables, for tests and embedding. */
  static EnvLookup of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
