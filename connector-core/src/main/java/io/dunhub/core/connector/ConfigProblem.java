package io.dunhub.core.connector;

/**
 * One problem with a setting. The hub adds the file and line where the setting was written.
 *
 * @param key the setting's key (dotted for nested keys), or null for a problem with the whole
 */
public record ConfigProblem(String key, String message) {
  @Override
  public String toString() {
    return key == null ? message : key + ": " + message;
  }
}
