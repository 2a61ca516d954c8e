package io.dunhub.salesforce;

import com.sforce.soap.metadata.AsyncResult;
import com.sforce.soap.metadata.DeployMessage;
import com.sforce.soap.metadata.DeployOptions;
import com.sforce.soap.metadata.DeployResult;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.Sleeper;
import io.dunhub.salesforce.internal.MetadataPackage;
import io.dunhub.salesforce.internal.SalesforceErrors;
import io.dunhub.salesforce.internal.SalesforceSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs Dunhub into an org: deploys the bundled metadata (custom objects {@code
 * Dunning_Notice__c}, {@code Dunhub_Invoice__c}, {@code Dunhub_Payment__c} with their external-id
 * keys, dunning fields on Account, key fields on activities and files, the {@code
 * Dunhub_Integration} permission set, layouts and the Account Lightning record page) through the
 * metadata API, waits for the deployment, and reports every component. Deploying again is safe:
 * existing components are updated in place, and ones already as shipped are reported unchanged.
 * {@link #check} validates without changing the org.
 *
 * <p>The hub's {@code dunhub salesforce install --connection X [--check-only]} calls {@link
 * #install(SalesforceConnection)} or {@link #check(SalesforceConnection)}.
 */
public final class SalesforceInstaller {
  public static final String METADATA_API_VERSION = "62.0";

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Duration timeout;

  public SalesforceInstaller(
      Clock clock, Sleeper sleeper, Duration pollInterval, Duration timeout) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
  }

  /** Polls every 2 seconds for up to 10 minutes, sleeping on {@code clock}. */
  public SalesforceInstaller(Clock clock) {
    this(clock, Sleeper.forClock(clock), Duration.ofSeconds(2), Duration.ofMinutes(10));
  }

  /** Opens the connection these settings describe and installs into its org. */
  public InstallReport install(ConnectionContext context) {
    return install(new SalesforceConnector().open(context));
  }

  public InstallReport install(SalesforceConnection connection) {
    return deploy(connection, false);
  }

  /**
   * Validates the package against the org without changing it (a check-only deployment): the report
   * says what an install would create and change, and what would fail.
   */
  public InstallReport check(SalesforceConnection connection) {
    return deploy(connection, true);
  }

  /** Opens the connection these settings describe and runs a check-only deployment. */
  public InstallReport check(ConnectionContext context) {
    return check(new SalesforceConnector().open(context));
  }

  private InstallReport deploy(SalesforceConnection connection, boolean checkOnly) {
    MetadataPackage pkg = MetadataPackage.bundled(METADATA_API_VERSION);
    byte[] zip = pkg.zip();
    String where = connection.name() + (checkOnly ? ": install check" : ": install");
    DeployOptions options = new DeployOptions();
    options.setRollbackOnError(true);
    options.setSinglePackage(true);
    options.setCheckOnly(checkOnly);
    AsyncResult started = metadataCall(connection, where, m -> m.deploy(zip, options));
    String id = started.getId();
    Instant deadline = clock.instant().plus(timeout);
    DeployResult result;
    while (true) {
      result = metadataCall(connection, where, m -> m.checkDeployStatus(id, true));
      if (result.isDone()) {
        break;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new RetryableException(
            where
                + ": deployment "
                + id
                + " still running after "
                + timeout
                + "; see Setup → Deployment Status",
            null);
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryableException(where + ": interrupted waiting for deployment " + id, e);
      }
    }
    return report(id, result, checkOnly);
  }

  private static InstallReport report(String id, DeployResult result, boolean checkOnly) {
    List<InstallReport.Component> components = new ArrayList<>();
    if (result.getDetails() != null) {
      for (DeployMessage m : result.getDetails().getComponentSuccesses()) {
        if (m.getComponentType() == null || m.getComponentType().isEmpty()) {
          continue; // package.xml
        }
        InstallReport.Change change =
            m.isCreated()
                ? InstallReport.Change.CREATED
                : m.isChanged() ? InstallReport.Change.CHANGED : InstallReport.Change.UNCHANGED;
        components.add(
            new InstallReport.Component(
                m.getComponentType(), m.getFullName(), change, file(m), null));
      }
      for (DeployMessage m : result.getDetails().getComponentFailures()) {
        String type = m.getComponentType();
        components.add(
            new InstallReport.Component(
                type == null || type.isEmpty() ? "Package" : type,
                m.getFullName(),
                InstallReport.Change.FAILED,
                file(m),
                m.getProblem()));
      }
    }
    boolean ok = result.isSuccess();
    if (!ok && components.stream().noneMatch(c -> c.change() == InstallReport.Change.FAILED)) {
      components.add(
          new InstallReport.Component(
              "Deployment", id, InstallReport.Change.FAILED, null, result.getErrorMessage()));
    }
    return new InstallReport(id, ok, checkOnly, components);
  }

  /** The component's file inside the package, with line and column when Salesforce gives them. */
  private static String file(DeployMessage m) {
    String name = m.getFileName();
    if (name == null || name.isEmpty()) {
      return null;
    }
    if (name.startsWith("unpackaged/")) {
      name = name.substring("unpackaged/".length());
    }
    if (m.getLineNumber() > 0) {
      name += ":" + m.getLineNumber() + (m.getColumnNumber() > 0 ? ":" + m.getColumnNumber() : "");
    }
    return name;
  }

  private interface MetadataCall<T> {
    T apply(MetadataConnection metadata) throws ConnectionException;
  }

  /** One metadata call on the connection's session, renewing it once if Salesforce refuses it. */
  private static <T> T metadataCall(
      SalesforceConnection connection, String where, MetadataCall<T> call) {
    SalesforceSession session = connection.client().session();
    try {
      return call.apply(metadata(session));
    } catch (ConnectionException e) {
      if (!"INVALID_SESSION_ID".equals(SalesforceErrors.code(e))) {
        throw SalesforceErrors.map(where, e);
      }
    }
    SalesforceSession fresh = connection.client().renew(session);
    try {
      return call.apply(metadata(fresh));
    } catch (ConnectionException e) {
      throw SalesforceErrors.map(where, e);
    }
  }

  private static MetadataConnection metadata(SalesforceSession session) throws ConnectionException {
    ConnectorConfig config = new ConnectorConfig();
    config.setManualLogin(true);
    config.setServiceEndpoint(session.instanceUrl() + "/services/Soap/m/" + METADATA_API_VERSION);
    config.setSessionId(session.sessionId().reveal());
    config.setConnectionTimeout(10_000);
    config.setReadTimeout(120_000);
    return new MetadataConnection(config);
  }
}
