package io.dunhub.core.connector;

import java.util.List;
import java.util.Optional;

/**
 * One host type (Salesforce, QuickBooks Online, NetSuite, ...). Stateless: everything about one
 * org, realm or account lives in the {@link Connection} that {@link #open} returns.
 *
 * <p>The hub finds connectors through a registry keyed by {@link #id()}; it never names a host in
 * its own code.
 */
public interface HostConnector {

  /** The stable type id used in config files: {@code salesforce}, {@code quickbooks}, ... */
  String id();

  /** The settings a connection of this type takes. */
  ConfigSpec configSpec();

  /**
   * Every problem with these settings at once, without I/O. The default checks the {@link
   * #configSpec()} (required keys, unknown keys, types); connectors add host-specific checks.
   */
  default List<ConfigProblem> validate(ConnectionSettings settings) {
    return configSpec().validate(settings);
  }

  /** Streams it reads, objects it writes, batch sizes and rate limits. */
  Capabilities capabilities();

  /**
   * One cheap authenticated call that proves the settings work.
   *
   * @return {@link CheckResult#ok} or a classified failure; never throws for a host-side problem
   */
  CheckResult check(ConnectionContext context);

  /** Opens a connection; cheap, lazy about I/O. */
  Connection open(ConnectionContext context);

  /**
   * How this host's webhooks are verified and read, for hosts that push changes; empty (the
   * default) when the connector takes none. The hub then offers {@code POST /webhooks/<id()>}.
   */
  default Optional<WebhookReceiver> webhooks() {
    return Optional.empty();
  }
}
