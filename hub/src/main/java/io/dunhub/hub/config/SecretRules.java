package io.dunhub.hub.config;

/** What the loader says about secrets. */
final class SecretRules {

  static final String WRITTEN_IN_FILE =
      "a secret written in the config file; in production mode write it as ${ENV_VAR}"
          + " (or use mode: development)";

  private SecretRules() {}
}
