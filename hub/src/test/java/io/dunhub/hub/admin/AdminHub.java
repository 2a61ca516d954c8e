package io.dunhub.hub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.hub.admin.auth.PasswordHasher;
import io.dunhub.hub.admin.auth.Role;
import io.dunhub.hub.admin.auth.UserDirectory;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.report.ReportLedger;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.SchedulerService;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.runtime.TestConnectorsModule;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A hub for the admin API tests: the real server on a random port, the embedded store seeded with
 * the report ledger, an admin token, a config user (alice, admin) and two stored users (carol,
 * collector; victor, read-only), a connection with a secret, and the bundled policies copied into a
 * policies folder. The scheduler does not run, so nothing changes the store but the requests.
 */
final class AdminHub implements AutoCloseable {

  static final String ADMIN_TOKEN = "admin-token-0123456789-abcdefghij";
  static final String VAULT_SECRET = "vault-secret-value-7d3f9a1c5e";
  static final String ALICE_PASSWORD = "alice-password-1";
  static final String CAROL_PASSWORD = "carol-password-2";
  static final String VICTOR_PASSWORD = "victor-password-3";
  static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final Hub hub;
  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();
  final Path dir;
  final String aliceHash;
  final RouteCapture routes = new RouteCapture();

  AdminHub(Path dir) throws IOException {
    this(dir, "", false);
  }

  /**
   * @param extraConfig more top-level config (e.g. {@code mappings: mappings})
   * @param scheduler whether the scheduler runs (polling every 200 ms); then the ledger is not
   *     seeded
   */
  AdminHub(Path dir, String extraConfig, boolean scheduler) throws IOException {
    this.dir = dir;
    Path policies = Files.createDirectories(dir.resolve("policies"));
    for (Map.Entry<String, String> e : BundledPolicies.sources().entrySet()) {
      Files.writeString(
          policies.resolve(e.getKey().substring(e.getKey().lastIndexOf('/') + 1)), e.getValue());
    }
    aliceHash = new PasswordHasher(4).hash(ALICE_PASSWORD);
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          host: 127.0.0.1
          port: 0
        store:
          embedded:
            dataDir: data
        policies: policies
        connections:
          - name: vault1
            type: vault
            settings:
              host: admin-api-test-host
              token: ${VAULT_TOKEN}
        admin:
          token: ${DUNHUB_ADMIN_TOKEN}
          users:
            - name: alice
              role: admin
              passwordHash: "%s"
        """
                .formatted(aliceHash)
            + extraConfig);
    HubLauncher launcher =
        new HubLauncher(
            EnvLookup.of(Map.of("DUNHUB_ADMIN_TOKEN", ADMIN_TOKEN, "VAULT_TOKEN", VAULT_SECRET)),
            clock,
            List.of(new TestConnectorsModule()),
            List.of(
                routes.module(),
                binder ->
                    binder
                        .bind(SchedulerService.SchedulerSettings.class)
                        .toInstance(
                            new SchedulerService.SchedulerSettings(
                                "admin-it",
                                2,
                                Duration.ofMillis(200),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(5)))));
    hub = launcher.open(config, "admin-it");
    hub.services().start(s -> scheduler || s.phase() != Service.SCHEDULER_PHASE);
    port = hub.get(HttpServer.class).port();
    if (!scheduler) {
      new ReportLedger(store()).seedStandard();
    }
    UserDirectory users = hub.get(UserDirectory.class);
    users.save("carol", Role.COLLECTOR, CAROL_PASSWORD);
    users.save("victor", Role.READ_ONLY, VICTOR_PASSWORD);
  }

  Store store() {
    return hub.get(Store.class);
  }

  /** Signs in and returns the token. */
  String login(String user, String password) throws Exception {
    Response r = post("/api/login", null, Map.of("username", user, "password", password));
    if (r.status() != 200) {
      throw new AssertionError("login of " + user + " failed: " + r);
    }
    return r.json().get("token").asText();
  }

  /** An answer: status, headers and body. */
  record Response(int status, HttpResponse<String> raw, ObjectMapper mapper) {
    String body() {
      return raw.body();
    }

    JsonNode json() {
      try {
        return mapper.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  Response get(String path, String token) throws Exception {
    return send(request(path, token).GET());
  }

  Response post(String path, String token, Object body) throws Exception {
    return send(request(path, token).POST(bodyOf(body)).header("Content-Type", "application/json"));
  }

  Response postText(String path, String token, String text) throws Exception {
    return send(
        request(path, token)
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
            .header("Content-Type", "application/yaml"));
  }

  Response put(String path, String token, Object body) throws Exception {
    return send(request(path, token).PUT(bodyOf(body)).header("Content-Type", "application/json"));
  }

  Response delete(String path, String token) throws Exception {
    return send(request(path, token).DELETE());
  }

  Response putText(String path, String token, String text) throws Exception {
    return send(
        request(path, token)
            .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
            .header("Content-Type", "application/yaml"));
  }

  private HttpRequest.BodyPublisher bodyOf(Object body) throws IOException {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    String text = body instanceof String s ? s : json.writeValueAsString(body);
    return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r, json);
  }

  @Override
  public void close() {
    hub.close();
  }
}
