package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The admin API as a whole: the OpenAPI document lists exactly the routes the server registered,
 * and no GET answer carries a secret (connection secrets, the admin token, passwords or their
 * hashes), whatever was done before.
 */
class AdminApiContractIT {

  private static final String CREATED_SECRET = "created-secret-0f1e2d3c4b5a";

  @TempDir static Path dir;
  static AdminHub hub;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    hub = new AdminHub(dir);
    admin = hub.login("alice", AdminHub.ALICE_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  /** {@code GET /api/cases/{id}} for every operation of the document. */
  @SuppressWarnings("unchecked")
  private static Set<String> documented() {
    Map<String, Object> doc =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build()).loadFromString(OpenApiRoutes.document());
    Set<String> operations = new TreeSet<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(k -> Set.of("get", "post", "put", "delete", "patch").contains(k))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
    return operations;
  }

  private static Set<String> registered() {
    Set<String> routes = new TreeSet<>();
    for (ApiRouteTable.Route r : hub.hub.get(ApiRouteTable.class).routes()) {
      routes.add(r.method() + " " + r.path().replace('<', '{').replace('>', '}'));
    }
    return routes;
  }

  @Test
  void theOpenApiDocumentDescribesEveryRouteAndNoOther() {
    Set<String> served = hub.routes.apiRoutes();

    assertThat(served).hasSizeGreaterThan(35);
    // what the Javalin server serves under /api, what the admin API's table lists, and what the
    // document describes are the same set
    assertThat(registered()).containsExactlyInAnyOrderElementsOf(served);
    assertThat(documented()).containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void everyRegisteredApiRouteAnswersAsTheTableSays() throws Exception {
    // the table is what the server serves: an unknown route is 404, a listed one is not
    assertThat(hub.get("/api/nothing-here", admin).status()).isEqualTo(404);
    for (ApiRouteTable.Route r : hub.hub.get(ApiRouteTable.class).routes()) {
      if (r.method().equals("GET")) {
        assertThat(hub.get(concrete(r.path()), null).status())
            .as(r.path())
            .isIn(r.access() == io.dunhub.hub.admin.auth.Access.PUBLIC ? 200 : 401);
      }
    }
  }

  private static String concrete(String path) {
    String p =
        path.replace("<file>", "memory/Party.yaml").replace("/api/cases/{id}", "/api/cases/case-c");
    p = p.replace("/api/parties/{id}", "/api/parties/acme");
    p = p.replace("/api/connections/{name}", "/api/connections/vault1");
    p = p.replace("/api/policies/{name}", "/api/policies/standard");
    return p;
  }

  @Test
  void noGetAnswerCarriesASecret() throws Exception {
    String collector = hub.login("carol", AdminHub.CAROL_PASSWORD);
    // changes that touch secrets and leave traces in the audit log and the store
    assertThat(
            hub.post(
                    "/api/connections",
                    admin,
                    Map.of(
                        "name", "vault9",
                        "connector", "vault",
                        "settings", Map.of("host", "h9", "token", CREATED_SECRET)))
                .status())
        .isEqualTo(201);
    assertThat(
            hub.post(
                    "/api/connections",
                    admin,
                    Map.of(
                        "name", "vault8",
                        "connector", "vault",
                        "settings", Map.of("token", CREATED_SECRET, "colour", CREATED_SECRET)))
                .body())
        .doesNotContain(CREATED_SECRET);
    hub.post("/api/connections/vault1/test", admin, null);
    hub.post("/api/connections/vault9/test", admin, null);
    hub.post("/api/cases/case-a/pause", collector, Map.of("reason", "holiday"));
    hub.post(
        "/api/login",
        null,
        Map.of("username", "alice", "password", "wrong-" + AdminHub.ALICE_PASSWORD));

    int checked = 0;
    for (ApiRouteTable.Route r : hub.hub.get(ApiRouteTable.class).routes()) {
      if (!r.method().equals("GET")) {
        continue;
      }
      for (String path : variants(concrete(r.path()))) {
        AdminHub.Response answer = hub.get(path, admin);
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.body())
            .as(path)
            .doesNotContain(AdminHub.VAULT_SECRET)
            .doesNotContain(CREATED_SECRET)
            .doesNotContain(AdminHub.ADMIN_TOKEN)
            .doesNotContain(AdminHub.ALICE_PASSWORD)
            .doesNotContain(AdminHub.CAROL_PASSWORD)
            .doesNotContain(hub.aliceHash)
            .doesNotContain("$2a$")
            .doesNotContain(collector);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(15);
  }

  private static java.util.List<String> variants(String path) {
    if (path.equals("/api/connections/vault1")) {
      return java.util.List.of(path, "/api/connections/vault9");
    }
    if (path.equals("/api/audit")) {
      return java.util.List.of(path, "/api/audit?actor=alice");
    }
    return java.util.List.of(path);
  }
}
