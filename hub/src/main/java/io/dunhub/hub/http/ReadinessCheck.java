package io.dunhub.hub.http;

import java.util.Optional;

/**
 * One condition for {@code /ready}: the store is reachable, migrations are applied, the scheduler
 * runs. Contribute one with a Guice {@code Multibinder<ReadinessCheck>}. Checks must be quick (they
 * run on every probe) and must never put a secret in their reason.
 */
public interface ReadinessCheck {

  /** A short name used as the JSON key: {@code store}, {@code scheduler}. */
  String name();

  /** Empty when ready; otherwise why not, in words an operator can act on. */
  Optional<String> problem();
}
