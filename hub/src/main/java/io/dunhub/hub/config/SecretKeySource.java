package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the key that encrypts tokens and secrets at rest comes from: written in the config (always
 * through {@code ${ENV_VAR}} in production), a key file, or neither — then the hub looks at {@code
 * DUNHUB_SECRET_KEY} / {@code DUNHUB_SECRET_KEY_FILE}, and in development mode makes a key in the
 * data directory.
 *
 * @param key a base64-encoded 256-bit key
 * @param file a file holding such a key
 */
public record SecretKeySource(Optional<Secret> key, Optional<Path> file) {

  public static SecretKeySource fromEnvironment() {
    return new SecretKeySource(Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    return key.isPresent()
        ? "SecretKeySource[inline ******]"
        : "SecretKeySource[file=" + file + "]";
  }
}
