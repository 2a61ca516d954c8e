package io.dunhub.netsuite;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.model.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * NetSuite over SuiteTalk REST and SuiteQL (OkHttp + Jackson; there is no official Java SDK).
 *
 * <p>Reads {@code customer}, {@code contact}, {@code invoice} and {@code customerPayment} (with
 * what each payment applies to) through SuiteQL, restricted to the configured subsidiaries. Writes
 * {@code note}, {@code phoneCall}, {@code task}, {@code customerPayment}, and updates to {@code
 * customer} and {@code contact}, each idempotent by external id. Signs in with OAuth 2.0 client
 * credentials (a certificate-signed JWT) or token-based authentication. See {@code
 * docs/netsuite.md}.
 */
public final class NetSuiteConnector implements HostConnector {

  public static final String ID = "netsuite";

  private static final Capabilities CAPABILITIES =
      new Capabilities(
          List.of(
              new StreamSpec("customer", EntityType.PARTY),
              new StreamSpec("contact", EntityType.CONTACT),
              new StreamSpec("invoice", EntityType.INVOICE),
              new StreamSpec("customerPayment", EntityType.PAYMENT)),
          List.of(
              new SinkSpec("note", EntityType.ACTIVITY, 1),
              new SinkSpec("phoneCall", EntityType.ACTIVITY, 1),
              new SinkSpec("task", EntityType.ACTIVITY, 1),
              new SinkSpec("customerPayment", EntityType.PAYMENT, 1),
              new SinkSpec("customer", EntityType.PARTY, 1),
              new SinkSpec("contact", EntityType.CONTACT, 1),
              new SinkSpec("Activity", EntityType.ACTIVITY, 1)),
          1000,
          new RateLimit(100_000, Duration.ofMinutes(1), 5));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ConfigSpec configSpec() {
    return NetSuiteSettings.SPEC;
  }

  @Override
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    return NetSuiteSettings.validate(settings);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    List<ConfigProblem> problems = validate(context.settings());
    if (!problems.isEmpty()) {
      return CheckResult.failed(
          CheckResult.Status.MISCONFIGURED,
          problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
    }
    try (NetSuiteConnection c = (NetSuiteConnection) open(context)) {
      int count =
          c.http()
              .suiteQl("SELECT id, name FROM subsidiary ORDER BY id", 1, 0, "check")
              .path("totalResults")
              .asInt();
      return CheckResult.ok(
          "signed in to NetSuite account "
              + c.settings().account().realm()
              + "; "
              + count
              + " subsidiaries visible");
    } catch (ConnectorException e) {
      return CheckResult.of(e);
    }
  }

  @Override
  public Connection open(ConnectionContext context) {
    List<ConfigProblem> problems = validate(context.settings());
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          context.settings().connection()
              + ": "
              + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
    }
    return new NetSuiteConnection(NetSuiteSettings.of(context.settings()), context, CAPABILITIES);
  }
}
