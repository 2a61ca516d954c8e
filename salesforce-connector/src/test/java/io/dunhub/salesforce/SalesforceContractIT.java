package io.dunhub.salesforce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.contract.ConnectorContractTest;
import io.dunhub.core.contract.ConnectorFixture;
import io.dunhub.core.contract.ContractEnvironment;
import io.dunhub.core.secret.Secret;
import io.dunhub.salesforce.sandbox.SalesforceSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared connector contract against the Salesforce sandbox: the {@code Account} stream for
 * reads, {@code Dunning_Notice__c} (deployed by the installer first) for idempotent writes, faults
 * injected as the SOAP faults Salesforce sends, and a lost answer as a dropped connection after the
 * org committed the write.
 */
class SalesforceContractIT extends ConnectorContractTest {

  @Override
  protected ConnectorFixture createFixture() {
    return new SandboxFixture();
  }

  static final class SandboxFixture implements ConnectorFixture {
    private final MutableClock orgClock = new MutableClock(BASE);
    private SalesforceSandbox sandbox;

    @Override
    public HostConnector connector() {
      return new SalesforceConnector();
    }

    @Override
    public ConnectionSettings start(ContractEnvironment env) {
      sandbox = SalesforceSandbox.start(orgClock);
      String pem = sandbox.registerJwtApp("3MVG9contract", "integration@dunhub-demo.example");
      ConnectionSettings settings =
          new ConnectionSettings(
              env.connection(),
              SalesforceConnector.ID,
              Map.of(
                  "login_url", sandbox.loginUrl(),
                  "client_id", "3MVG9contract",
                  "username", "integration@dunhub-demo.example",
                  "fields_account", "Name, AccountNumber, Phone",
                  "query_batch_size", "200"),
              Map.of("private_key", Secret.of(pem)));
      ConnectionSettings installer =
          new ConnectionSettings(
              env.connection() + "-install",
              settings.type(),
              settings.values(),
              settings.secrets());
      InstallReport report =
          new SalesforceInstaller(env.clock())
              .install(new ConnectionContext(installer, env.clock(), env.tokens(), env.http()));
      if (!report.success()) {
        throw new IllegalStateException(report.summary());
      }
      sandbox.api().reset();
      return settings;
    }

    @Override
    public String stream() {
      return "Account";
    }

    @Override
    public List<String> seed(List<Instant> lastModified) {
      List<String> ids = new ArrayList<>();
      int n = 0;
      for (Instant at : lastModified) {
        orgClock.set(at);
        ids.add(sandbox.org().insert("Account", Map.of("Name", "Seeded " + (++n)), null));
      }
      return ids;
    }

    @Override
    public void modify(String hostId, Instant at) {
      orgClock.set(at);
      sandbox.org().update("Account", hostId, Map.of("Phone", "+1 415 555 0100"), List.of());
    }

    @Override
    public WriteRequest newWrite(String idempotencyKey) {
      return new WriteRequest(
          idempotencyKey,
          "Dunning_Notice__c",
          null,
          JsonNodeFactory.instance
              .objectNode()
              .put("Channel__c", "Email")
              .put("Subject__c", "Invoice INV-1 is overdue"),
          null);
    }

    @Override
    public long countRecords(String hostObject) {
      return sandbox.org().records(hostObject).size();
    }

    @Override
    public void expireToken() {
      sandbox.auth().expireAllSessions();
    }

    @Override
    public void injectRateLimit(Duration retryAfter) {
      // Salesforce sends no Retry-After: the connector waits its own back-off (10 s) for this fault
      sandbox
          .api()
          .failNext("*", "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded");
    }

    @Override
    public void injectServerError(int times) {
      for (int i = 0; i < times; i++) {
        sandbox.api().failNext("*", "SERVER_UNAVAILABLE", "Server unavailable, try again later");
      }
    }

    @Override
    public boolean injectLostResponse() {
      // the org commits the upsert, then the connection drops before the answer: the connector
      // retries the same external id and Salesforce matches the record it already made
      sandbox.api().loseNextResponse("upsert");
      return true;
    }

    @Override
    public String injectPermanentError() {
      String message = "No such column 'Bogus__c' on entity 'Account'";
      sandbox.api().failNext("*", "INVALID_FIELD", message);
      return message;
    }

    @Override
    public long hostCalls() {
      return sandbox.api().totalCalls();
    }

    @Override
    public long tokenRefreshes() {
      return sandbox.auth().sessionsIssued();
    }

    @Override
    public void close() {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }
}
