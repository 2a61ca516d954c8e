package io.dunhub.hub.config;

/** How strict the hub is: production refuses shortcuts that development allows. */
public enum Mode {
  /** Real hosts and real money: a secret key is required, nothing is defaulted silently. */
  PRODUCTION,
  /** A laptop or a demo: a development secret key is used when none is configured. */
  DEVELOPMENT
}
