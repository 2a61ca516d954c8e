package io.dunhub.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.secret.Secret;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxFault;
import io.dunhub.quickbooks.sandbox.SandboxRealm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A QBO sandbox with one realm and a connection to it, configured exactly as a user would (base
 * URL, SDK proxy, token URL, app keys) and authorized by storing the first token in the hub's token
 * store.
 */
final class QuickBooksSandboxFixture implements AutoCloseable {

  static final String REALM = "9130357766112";
  static final String CLIENT_ID = "ABdunhubTestClientId";
  static final Secret CLIENT_SECRET = Secret.of("dunhub-test-client-secret");

  final QboSandbox sandbox;
  final SandboxRealm realm;
  final String customerId;
  private final Clock clock;

  QuickBooksSandboxFixture(Clock clock) {
    this.clock = clock;
    this.sandbox = new QboSandbox(clock, CLIENT_ID, CLIENT_SECRET.reveal()).start();
    this.realm = sandbox.createRealm(REALM);
    ObjectNode customer = JsonNodeFactory.instance.objectNode();
    customer.put("DisplayName", "Harbor Freight Co");
    customer.putObject("PrimaryEmailAddr").put("Address", "ap@harbor-freight.example.com");
    this.customerId =
        realm
            .create("Customer", customer, Instant.parse("2025-01-01T00:00:00Z"))
            .get("Id")
            .asText();
  }

  /** Settings for a connection named {@code connection}, with the first token stored. */
  ConnectionSettings connect(String connection, TokenStore tokens, Map<String, String> extra) {
    QboSandbox.Tokens issued = sandbox.connect(REALM);
    tokens.compareAndSet(
        connection,
        0,
        new OAuthToken(
            Secret.of(issued.accessToken()),
            Secret.of(issued.refreshToken()),
            clock.instant().plus(Duration.ofHours(1))));
    Map<String, String> values = new HashMap<>();
    values.put(QuickBooksSettings.REALM_ID, REALM);
    values.put(QuickBooksSettings.CLIENT_ID, CLIENT_ID);
    values.put(QuickBooksSettings.BASE_URL, "http://quickbooks.sandbox.invalid/v3/company");
    values.put(QuickBooksSettings.PROXY_HOST, sandbox.host());
    values.put(QuickBooksSettings.PROXY_PORT, Integer.toString(sandbox.port()));
    values.put(QuickBooksSettings.TOKEN_URL, sandbox.tokenUrl());
    values.putAll(extra);
    return new ConnectionSettings(
        connection,
        QuickBooksConnector.ID,
        values,
        Map.of(QuickBooksSettings.CLIENT_SECRET, CLIENT_SECRET));
  }

  /** An open invoice of the fixture's customer, last modified at {@code at}. */
  String invoice(Instant at, String amount) {
    ObjectNode invoice = JsonNodeFactory.instance.objectNode();
    invoice.putObject("CustomerRef").put("value", customerId);
    invoice.put("TxnDate", "2026-02-01");
    invoice.put("DueDate", "2026-03-01");
    ObjectNode line = invoice.putArray("Line").addObject();
    line.put("Amount", new java.math.BigDecimal(amount));
    line.put("DetailType", "SalesItemLineDetail");
    line.putObject("SalesItemLineDetail")
        .putObject("ItemRef")
        .put("value", "1")
        .put("name", "Services");
    return realm.create("Invoice", invoice, at).get("Id").asText();
  }

  /** A payment Dunhub collected, not applied to an invoice (QBO keeps it as unapplied credit). */
  WriteRequest payment(String key, String amount) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.putObject("CustomerRef").put("value", customerId);
    payload.put("TotalAmt", new java.math.BigDecimal(amount));
    payload.put("TxnDate", "2026-03-01");
    payload.put("PrivateNote", "Collected by Dunhub (" + key + ")");
    return new WriteRequest(key, "Payment", null, payload, null);
  }

  void injectPermanent() {
    sandbox.inject(SandboxFault.VALIDATION, 1);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
