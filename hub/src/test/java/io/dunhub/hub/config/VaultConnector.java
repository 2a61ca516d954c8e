package io.dunhub.hub.config;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.memory.InMemoryConnector;
import java.util.List;

/**
 * A test connector that reads an in-memory host but, like a real host, needs a secret token (and
 * logs that it got one at DEBUG). Used to prove secrets are typed and never printed.
 */
public final class VaultConnector implements HostConnector {

  public static final String ID = "vault";
  private static final ConfigSpec SPEC =
      new ConfigSpec()
          .define("host", ConfigSpec.Type.STRING, true, "name of the in-memory host")
          .define("token", ConfigSpec.Type.SECRET, true, "API token")
          .define("region", ConfigSpec.Type.STRING, false, "eu", "data region");
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(VaultConnector.class);

  private final InMemoryConnector delegate = new InMemoryConnector();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    return SPEC.validate(settings);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    return delegate.check(context);
  }

  @Override
  public Connection open(ConnectionContext context) {
    LOG.debug(
        "opening vault connection {} with settings {} and token {}",
        context.settings().connection(),
        context.settings(),
        context.settings().requireSecret("token"));
    return delegate.open(context);
  }
}
