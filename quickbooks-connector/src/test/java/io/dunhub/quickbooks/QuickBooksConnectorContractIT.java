package io.dunhub.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.contract.ConnectorContractTest;
import io.dunhub.core.contract.ConnectorFixture;
import io.dunhub.core.contract.ContractEnvironment;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared connector contract, against the QBO sandbox (a WireMock server). */
class QuickBooksConnectorContractIT extends ConnectorContractTest {

  @Override
  protected ConnectorFixture createFixture() {
    return new Fixture();
  }

  private static final class Fixture implements ConnectorFixture {
    private QuickBooksSandboxFixture qbo;

    @Override
    public HostConnector connector() {
      return new QuickBooksConnector();
    }

    @Override
    public ConnectionSettings start(ContractEnvironment env) {
      qbo = new QuickBooksSandboxFixture(env.clock());
      return qbo.connect(env.connection(), env.tokens(), Map.of());
    }

    @Override
    public String stream() {
      return "Invoice";
    }

    @Override
    public List<String> seed(List<Instant> lastModified) {
      List<String> ids = new ArrayList<>();
      for (Instant at : lastModified) {
        ids.add(qbo.invoice(at, "125.00"));
      }
      return ids;
    }

    @Override
    public void modify(String hostId, Instant at) {
      qbo.realm.edit(
          "Invoice",
          hostId,
          JsonNodeFactory.instance.objectNode().put("PrivateNote", "Changed in QuickBooks"),
          at);
    }

    @Override
    public WriteRequest newWrite(String idempotencyKey) {
      return qbo.payment(idempotencyKey, "40.00");
    }

    @Override
    public long countRecords(String hostObject) {
      return qbo.realm.count(hostObject);
    }

    @Override
    public void expireToken() {
      qbo.sandbox.expireAccessTokens(QuickBooksSandboxFixture.REALM);
    }

    @Override
    public void injectRateLimit(Duration retryAfter) {
      // QBO sends no Retry-After with its 429: the connector holds back 60 s (Intuit's advice),
      // which is longer than any Retry-After the contract asks for
      qbo.sandbox.inject(SandboxFault.THROTTLE, 1);
    }

    @Override
    public void injectServerError(int times) {
      qbo.sandbox.inject(SandboxFault.SERVER_ERROR, times);
    }

    @Override
    public String injectPermanentError() {
      qbo.injectPermanent();
      return QboSandbox.validationFaultDetail();
    }

    @Override
    public boolean injectLostResponse() {
      qbo.sandbox.inject(SandboxFault.LOST_RESPONSE, 1, "create:payment");
      return true;
    }

    @Override
    public long hostCalls() {
      return qbo.sandbox.apiCalls();
    }

    @Override
    public long tokenRefreshes() {
      return qbo.sandbox.refreshCount();
    }

    @Override
    public void close() {
      if (qbo != null) {
        qbo.close();
      }
    }
  }
}
