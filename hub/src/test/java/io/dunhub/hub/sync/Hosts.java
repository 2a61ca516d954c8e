package io.dunhub.hub.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.model.EntityType;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.store.JdbcTokenStore;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * Two in-memory hosts, "accounting" and "crm", and the registry that links them: both read and
 * write parties, contacts, invoices and payments through {@link CanonicalJsonMapping}. Records are
 * written as a person in the host would, with the clock moving a second per change.
 */
final class Hosts {

  static final OkHttpClient HTTP = new OkHttpClient();
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final MutableClock clock = MutableClock.atDefaultStart();
  final InMemoryConnector connector = new InMemoryConnector();
  final InMemoryHost accounting;
  final InMemoryHost crm;
  final Store store;
  final TokenStore tokens;

  Hosts(Store store) {
    this.store = store;
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    this.accounting = InMemoryHost.create("accounting-" + suffix, clock);
    this.crm = InMemoryHost.create("crm-" + suffix, clock);
    this.tokens = new JdbcTokenStore(store, new SecretCipher(new byte[32]), clock);
  }

  Connection open(String name, InMemoryHost host) {
    return connector.open(
        new ConnectionContext(
            new ConnectionSettings(
                name, InMemoryConnector.ID, Map.of("host", host.name()), Map.of()),
            clock,
            tokens,
            HTTP));
  }

  /** Both hosts, both directions, with these ownership rules. */
  StaticConnectionRegistry registry(FieldOwnership ownership) {
    return registry(ownership, c -> c, c -> c);
  }

  /** As above, with the connections wrapped (to inject crashes). */
  StaticConnectionRegistry registry(
      FieldOwnership ownership,
      UnaryOperator<Connection> wrapAccounting,
      UnaryOperator<Connection> wrapCrm) {
    return registry(ownership, wrapAccounting, wrapCrm, true);
  }

  /** As above; when {@code crmReadsInvoices} is false the CRM only receives invoices. */
  StaticConnectionRegistry registry(
      FieldOwnership ownership,
      UnaryOperator<Connection> wrapAccounting,
      UnaryOperator<Connection> wrapCrm,
      boolean crmReadsInvoices) {
    return registry(ownership, wrapAccounting, wrapCrm, crmReadsInvoices, true);
  }

  /**
   * As above; when {@code crmReceivesParties} is false the hub never writes parties to the CRM (as
   * with a real host whose customer mapping is inbound only).
   */
  StaticConnectionRegistry registry(
      FieldOwnership ownership,
      UnaryOperator<Connection> wrapAccounting,
      UnaryOperator<Connection> wrapCrm,
      boolean crmReadsInvoices,
      boolean crmReceivesParties) {
    StaticConnectionRegistry.Builder b =
        StaticConnectionRegistry.builder()
            .connection(connector, wrapAccounting.apply(open("accounting", accounting)))
            .connection(connector, wrapCrm.apply(open("crm", crm)))
            .ownership(ownership);
    for (String name : new String[] {"accounting", "crm"}) {
      for (CanonicalJsonMapping m : CanonicalJsonMapping.forInMemoryHost()) {
        if (crmReadsInvoices || !(name.equals("crm") && m.hostObject().equals("Invoice"))) {
          b.inbound(name, m);
        }
        if (crmReceivesParties || !(name.equals("crm") && m.hostObject().equals("Party"))) {
          b.outbound(name, m);
        }
      }
    }
    return b.build();
  }

  /** Invoices owned by accounting, contact emails by the CRM. */
  static FieldOwnership usualOwnership() {
    return FieldOwnership.builder()
        .owner(EntityType.INVOICE, "*", "accounting")
        .owner(EntityType.PAYMENT, "*", "accounting")
        .owner(EntityType.CONTACT, "email", "crm")
        .build();
  }

  void tick() {
    clock.advance(Duration.ofSeconds(1));
  }

  static ObjectNode party(String name, String email) {
    ObjectNode p = JSON.objectNode();
    p.put("name", name);
    p.put("email", email);
    p.put("country", "US");
    p.put("timeZone", "America/New_York");
    p.put("segment", "smb");
    return p;
  }

  static ObjectNode invoice(String number, String partyHostId, String total, String balance) {
    ObjectNode i = JSON.objectNode();
    i.put("number", number);
    i.put("partyId", partyHostId);
    i.put("issueDate", "2026-01-02");
    i.put("dueDate", "2026-02-01");
    i.set("total", money(total));
    i.set("openBalance", money(balance));
    i.put("status", "OPEN");
    i.put("terms", "Net 30");
    return i;
  }

  static ObjectNode contact(String first, String last, String email, String partyHostId) {
    ObjectNode c = JSON.objectNode();
    c.put("firstName", first);
    c.put("lastName", last);
    c.put("email", email);
    c.put("partyId", partyHostId);
    c.put("role", "BILLING");
    return c;
  }

  static ObjectNode money(String amount) {
    ObjectNode m = JSON.objectNode();
    m.put("amount", new java.math.BigDecimal(amount));
    m.put("currency", "USD");
    return m;
  }

  static ObjectNode fields(String... pairs) {
    ObjectNode n = JSON.objectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      n.put(pairs[i], pairs[i + 1]);
    }
    return n;
  }

  InMemoryHost.Row put(InMemoryHost host, String object, String id, ObjectNode fields) {
    tick();
    return host.put(object, id, fields);
  }

  InMemoryHost.Row edit(InMemoryHost host, String object, String id, ObjectNode changes) {
    tick();
    return host.edit(object, id, changes);
  }

  long count(String sql) {
    return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  String one(String sql) {
    return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }
}
