package io.dunhub.hub.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxRealm;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The hub with one real QuickBooks connection, {@code books}, against the QBO sandbox: the config
 * as a user writes it (the sandbox reached through the SDK proxy setting), and the realm connected
 * as an admin would (the first token stored in the hub's encrypted token store).
 */
final class QuickBooksHubFixture implements AutoCloseable {

  static final String CONNECTION = "books";
  static final String REALM = "9130357766112";
  static final String CLIENT_ID = "ABdunhubHubClient";
  static final String CLIENT_SECRET = "dunhub-hub-client-secret";
  static final String VERIFIER = "d6f1c9e2-hub-webhook-verifier";

  final Clock clock;
  final QboSandbox sandbox;
  final SandboxRealm realm;
  private Hub hub;
  private String store;

  /** Puts the hub's store into PostgreSQL (the {@code store:} section), instead of embedded. */
  void postgres(StoreSettings settings) {
    String password = settings.password() == null ? "" : settings.password().reveal();
    this.store =
        "store:\n  postgres:\n    url: "
            + settings.jdbcUrl()
            + "\n    user: "
            + settings.user()
            + (password.isEmpty() ? "" : "\n    password: " + password)
            // a shared store keeps no key file: the token cipher's key comes with the config
            + "\nsecretKey: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n";
  }

  QuickBooksHubFixture(Clock clock) {
    this.clock = clock;
    this.sandbox = new QboSandbox(clock, CLIENT_ID, CLIENT_SECRET).start();
    this.realm = sandbox.createRealm(REALM);
  }

  /** Writes {@code dunhub.yml} into {@code dir}; {@code more} is appended (channels, policies). */
  Path config(Path dir, String more) throws Exception {
    return config(dir, "", more);
  }

  /**
   * Writes {@code dunhub.yml}; {@code connections} are more list items after {@code books}, and
   * {@code more} is appended (ownership, channels, policies).
   */
  Path config(Path dir, String connections, String more) throws Exception {
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          host: 127.0.0.1
          port: 0
        %sconnections:
          - name: books
            type: quickbooks
            settings:
              realmId: "%s"
              clientId: %s
              clientSecret: %s
              webhookVerifierToken: %s
              # the SDK drops the port of its base URL: the sandbox is reached as its proxy
              baseUrl: http://quickbooks.sandbox.invalid/v3/company
              proxyHost: %s
              proxyPort: %d
              tokenUrl: %s
            sync:
              schedule: every 1h
        %s"""
                .formatted(
                    store != null
                        ? store
                        : "store:\n  embedded:\n    dataDir: " + dir.resolve("data") + "\n",
                    REALM,
                    CLIENT_ID,
                    CLIENT_SECRET,
                    VERIFIER,
                    sandbox.host(),
                    sandbox.port(),
                    sandbox.tokenUrl(),
                    connections)
            + more);
    return config;
  }

  /**
   * Opens the hub on {@code config}, connects the realm, and starts the services that match (the
   * scheduler is left out by the tests, which drive sync and dunning themselves).
   */
  Hub start(Path config, Predicate<Service> services) {
    hub = new HubLauncher(EnvLookup.of(Map.of()), clock).open(config, "qbo-it");
    hub.startStore();
    QboSandbox.Tokens issued = sandbox.connect(REALM);
    hub.get(TokenStore.class)
        .compareAndSet(
            CONNECTION,
            0,
            new OAuthToken(
                Secret.of(issued.accessToken()),
                Secret.of(issued.refreshToken()),
                clock.instant().plus(Duration.ofHours(1))));
    hub.services().start(services);
    return hub;
  }

  String customer(String name, String email, Instant at) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("DisplayName", name);
    c.putObject("PrimaryEmailAddr").put("Address", email);
    return realm.create("Customer", c, at).get("Id").asText();
  }

  String invoice(String customerId, String number, String amount, LocalDate due, Instant at) {
    ObjectNode i = JsonNodeFactory.instance.objectNode();
    i.putObject("CustomerRef").put("value", customerId);
    i.put("DocNumber", number);
    i.put("TxnDate", due.minusDays(30).toString());
    i.put("DueDate", due.toString());
    ObjectNode line = i.putArray("Line").addObject();
    line.put("Amount", new BigDecimal(amount));
    line.put("DetailType", "SalesItemLineDetail");
    line.putObject("SalesItemLineDetail")
        .putObject("ItemRef")
        .put("value", "1")
        .put("name", "Services");
    return realm.create("Invoice", i, at).get("Id").asText();
  }

  /** A column of the canonical record a QuickBooks record became. */
  Optional<String> stored(String table, String entity, String hostId, String column) {
    Store store = hub.get(Store.class);
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT t."
                            + column
                            + " FROM "
                            + table
                            + " t JOIN external_refs r ON r.canonical_id = t.id"
                            + " WHERE r.connection = :c AND r.entity = :e AND r.host_id = :id")
                    .bind("c", CONNECTION)
                    .bind("e", entity)
                    .bind("id", hostId)
                    .mapTo(String.class)
                    .findOne());
  }

  /** The canonical id of a QuickBooks record. */
  String canonicalId(String entity, String hostId) {
    return hub.get(Store.class)
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT canonical_id FROM external_refs WHERE connection = :c"
                            + " AND entity = :e AND host_id = :id")
                    .bind("c", CONNECTION)
                    .bind("e", entity)
                    .bind("id", hostId)
                    .mapTo(String.class)
                    .one());
  }

  @Override
  public void close() {
    if (hub != null) {
      hub.close();
    }
    sandbox.close();
  }
}
