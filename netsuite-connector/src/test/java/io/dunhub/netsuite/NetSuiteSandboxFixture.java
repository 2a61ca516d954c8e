package io.dunhub.netsuite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.contract.ConnectorFixture;
import io.dunhub.core.contract.ContractEnvironment;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract's fixture: a NetSuite sandbox on the contract's clock, one customer, invoices as the
 * paged stream, notes on the first invoice as the idempotent write, M2M sign-in.
 */
final class NetSuiteSandboxFixture implements ConnectorFixture {

  private static final ObjectMapper JSON = new ObjectMapper();
  private NetSuiteSandbox sandbox;
  private String customerId;
  private String firstInvoiceId;

  @Override
  public HostConnector connector() {
    return new NetSuiteConnector();
  }

  @Override
  public ConnectionSettings start(ContractEnvironment env) {
    sandbox = NetSuiteSandbox.start("7654321_SB2", env.clock());
    ObjectNode customer = JSON.createObjectNode().put("companyName", "Contract Customer Inc.");
    customer.putObject("subsidiary").put("id", "1");
    sandbox
        .store()
        .putAt("subsidiary", 1, null, JSON.createObjectNode().put("name", "Parent"), Instant.EPOCH);
    sandbox
        .store()
        .putAt("currency", 1, null, JSON.createObjectNode().put("symbol", "USD"), Instant.EPOCH);
    customer.putObject("currency").put("id", "1");
    sandbox.store().putAt("customer", 11, null, customer, Instant.EPOCH);
    customerId = "11";
    return TestCredentials.m2m(sandbox, env.connection(), Map.of());
  }

  @Override
  public String stream() {
    return "invoice";
  }

  @Override
  public List<String> seed(List<Instant> lastModified) {
    List<String> ids = new ArrayList<>();
    for (Instant at : lastModified) {
      long id = sandbox.store().nextId("invoice");
      ObjectNode f = JSON.createObjectNode();
      f.put("tranId", "INV" + id);
      f.put("tranDate", "2026-02-01");
      f.put("dueDate", "2026-03-01");
      f.putObject("entity").put("id", customerId);
      f.putObject("currency").put("id", "1");
      f.putObject("subsidiary").put("id", "1");
      f.put("total", 100);
      f.put("amountRemaining", 100);
      f.put("amountPaid", 0);
      sandbox.store().putAt("invoice", id, null, f, at);
      ids.add(Long.toString(id));
      if (firstInvoiceId == null) {
        firstInvoiceId = Long.toString(id);
      }
    }
    return ids;
  }

  @Override
  public void modify(String hostId, Instant at) {
    SandboxRecord r = sandbox.store().get("invoice", hostId).orElseThrow();
    ObjectNode f = r.fields().deepCopy();
    f.put("memo", "changed by a person");
    sandbox.store().putAt("invoice", r.id(), r.externalId(), f, at);
  }

  @Override
  public WriteRequest newWrite(String idempotencyKey) {
    ObjectNode note = JSON.createObjectNode();
    note.put("title", "Payment reminder sent");
    note.put("note", "Reminder 1 emailed to ap@contract.example");
    note.putObject("entity").put("id", customerId);
    return new WriteRequest(idempotencyKey, "note", null, note, null);
  }

  @Override
  public long countRecords(String hostObject) {
    return sandbox.store().count(hostObject);
  }

  @Override
  public void expireToken() {
    sandbox.revokeAccessTokens();
  }

  @Override
  public void injectRateLimit(Duration retryAfter) {
    sandbox.failNext("", 1, 429, "CONCURRENCY_LIMIT_EXCEEDED", retryAfter);
  }

  @Override
  public void injectServerError(int times) {
    sandbox.failNext("", times, 503, "UNEXPECTED_ERROR", null);
  }

  @Override
  public String injectPermanentError() {
    sandbox.failNext("", 1, 400, "INVALID_PARAMETER", null);
    return "Injected fault INVALID_PARAMETER.";
  }

  @Override
  public boolean injectLostResponse() {
    sandbox.loseNextWriteResponses(1);
    return true;
  }

  @Override
  public long hostCalls() {
    return sandbox.totalCalls() - sandbox.calls("token");
  }

  @Override
  public long tokenRefreshes() {
    return sandbox.calls("token");
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
