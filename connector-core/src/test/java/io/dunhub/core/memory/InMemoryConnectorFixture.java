package io.dunhub.core.memory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.contract.ConnectorFixture;
import io.dunhub.core.contract.ContractEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The contract fixture of the in-memory connector: the reference for connector authors. */
final class InMemoryConnectorFixture implements ConnectorFixture {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private InMemoryHost host;

  @Override
  public HostConnector connector() {
    return new InMemoryConnector();
  }

  @Override
  public ConnectionSettings start(ContractEnvironment env) {
    host = InMemoryHost.create("contract-host-" + env.connection(), env.clock());
    env.tokens().compareAndSet(env.connection(), 0, host.issueToken());
    return new ConnectionSettings(
        env.connection(),
        InMemoryConnector.ID,
        Map.of("host", host.name(), "oauth", "true"),
        Map.of());
  }

  @Override
  public String stream() {
    return "Invoice";
  }

  @Override
  public List<String> seed(List<Instant> lastModified) {
    List<String> ids = new ArrayList<>();
    for (Instant at : lastModified) {
      String id = host.newId("Invoice");
      ObjectNode fields = JSON.objectNode().put("number", "INV-" + id).put("total", "100.00");
      host.put("Invoice", id, fields, at);
      ids.add(id);
    }
    return ids;
  }

  @Override
  public void modify(String hostId, Instant at) {
    host.edit("Invoice", hostId, JSON.objectNode().put("total", "80.00"), at);
  }

  @Override
  public WriteRequest newWrite(String idempotencyKey) {
    ObjectNode payload =
        JSON.objectNode().put("type", "NOTE").put("subject", "Reminder " + idempotencyKey);
    return new WriteRequest(idempotencyKey, "Activity", null, payload, null);
  }

  @Override
  public long countRecords(String hostObject) {
    return host.all(hostObject).size();
  }

  @Override
  public void expireToken() {
    host.expireAccessToken();
  }

  @Override
  public void injectRateLimit(Duration retryAfter) {
    host.injectRateLimit(retryAfter);
  }

  @Override
  public void injectServerError(int times) {
    for (int i = 0; i < times; i++) {
      host.inject(InMemoryHost.Fault.UNAVAILABLE);
    }
  }

  @Override
  public String injectPermanentError() {
    String message = "Invoice: field 'CustomerRef' is invalid (code 2020)";
    host.injectRejection(message);
    return message;
  }

  @Override
  public long hostCalls() {
    return host.dataCalls();
  }

  @Override
  public long tokenRefreshes() {
    return host.tokenRefreshes();
  }

  @Override
  public void close() {
    if (host != null) {
      InMemoryHost.remove(host.name());
    }
  }
}
