package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, roles, the rate limit on logins and the audit log, over HTTP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiAuthIT {

  @TempDir static Path dir;
  static AdminHub hub;

  @BeforeAll
  static void start() throws Exception {
    hub = new AdminHub(dir);
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  @Order(1)
  void loginGivesATokenThatSignsTheUserIn() throws Exception {
    AdminHub.Response login =
        hub.post(
            "/api/login", null, Map.of("username", "alice", "password", AdminHub.ALICE_PASSWORD));

    assertThat(login.status()).isEqualTo(200);
    JsonNode body = login.json();
    assertThat(body.get("token").asText()).startsWith("dhs_").hasSizeGreaterThan(40);
    assertThat(body.get("user").get("name").asText()).isEqualTo("alice");
    assertThat(body.get("user").get("role").asText()).isEqualTo("admin");
    assertThat(body.get("expiresAt").asText()).isEqualTo("2026-04-01T00:00:00Z");

    AdminHub.Response me = hub.get("/api/me", body.get("token").asText());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).isEqualTo("{\"name\":\"alice\",\"role\":\"admin\"}");

    // only the token's hash is stored
    String token = body.get("token").asText();
    int stored =
        hub.store()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM admin_sessions WHERE token_hash = :t")
                        .bind("t", token)
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isZero();
  }

  @Test
  @Order(2)
  void storedUsersSignInWithTheirRole() throws Exception {
    AdminHub.Response me = hub.get("/api/me", hub.login("carol", AdminHub.CAROL_PASSWORD));

    assertThat(me.json().get("role").asText()).isEqualTo("collector");
  }

  @Test
  @Order(3)
  void wrongCredentialsAre401AndAudited() throws Exception {
    AdminHub.Response wrong =
        hub.post("/api/login", null, Map.of("username", "alice", "password", "guess"));
    AdminHub.Response nobody =
        hub.post("/api/login", null, Map.of("username", "nobody", "password", "guess"));

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("wrong username or password");
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(nobody.body()).isEqualTo(wrong.body());
    JsonNode audit = hub.get("/api/audit?actor=nobody", AdminHub.ADMIN_TOKEN).json();
    assertThat(audit.get(0).get("action").asText()).isEqualTo("POST /api/login");
    assertThat(audit.get(0).get("status").asInt()).isEqualTo(401);
    assertThat(audit.get(0).get("details").asText())
        .isEqualTo("failed: wrong username or password");
  }

  @Test
  @Order(4)
  void everyRouteButLoginNeedsAToken() throws Exception {
    for (String path :
        new String[] {
          "/api/me", "/api/cases", "/api/connections", "/api/reports/overview", "/api/openapi.yaml"
        }) {
      AdminHub.Response none = hub.get(path, null);
      AdminHub.Response bad = hub.get(path, "dhs_not-a-token");
      assertThat(none.status()).as(path).isEqualTo(401);
      assertThat(none.raw().headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"dunhub\"");
      assertThat(none.json().get("status").asInt()).isEqualTo(401);
      assertThat(bad.status()).as(path).isEqualTo(401);
    }
    assertThat(hub.post("/api/cases/case-b/pause", null, Map.of("reason", "x")).status())
        .isEqualTo(401);
  }

  @Test
  @Order(5)
  void theAdminTokenActsAsAdmin() throws Exception {
    AdminHub.Response me = hub.get("/api/me", AdminHub.ADMIN_TOKEN);

    assertThat(me.body()).isEqualTo("{\"name\":\"admin-token\",\"role\":\"admin\"}");
  }

  @Test
  @Order(6)
  void rolesLimitWhatACallerMayDo() throws Exception {
    String viewer = hub.login("victor", AdminHub.VICTOR_PASSWORD);
    String collector = hub.login("carol", AdminHub.CAROL_PASSWORD);

    assertThat(hub.get("/api/cases", viewer).status()).isEqualTo(200);
    AdminHub.Response denied =
        hub.post("/api/cases/case-b/pause", viewer, Map.of("reason", "customer on holiday"));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("error").asText())
        .isEqualTo("the role 'read-only' may not do this (collectors and admins may)");
    assertThat(hub.post("/api/outbox/1/retry", collector, null).status()).isEqualTo(403);
    assertThat(hub.post("/api/connections/vault1/test", collector, null).status()).isEqualTo(403);
    assertThat(
            hub.post("/api/cases/case-b/pause", collector, Map.of("reason", "customer on holiday"))
                .status())
        .isEqualTo(200);
    // nothing changed for the denied request, and both are in the audit log
    JsonNode victorRows = hub.get("/api/audit?actor=victor", AdminHub.ADMIN_TOKEN).json();
    assertThat(victorRows.get(0).get("status").asInt()).isEqualTo(403);
    assertThat(victorRows.get(0).get("action").asText()).isEqualTo("POST /api/cases/{id}/pause");
    JsonNode carolRows = hub.get("/api/audit?actor=carol", AdminHub.ADMIN_TOKEN).json();
    assertThat(carolRows.get(0).get("action").asText()).isEqualTo("POST /api/cases/{id}/pause");
    assertThat(carolRows.get(0).get("target").asText()).isEqualTo("/api/cases/case-b/pause");
    assertThat(carolRows.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(carolRows.get(0).get("role").asText()).isEqualTo("collector");
    assertThat(carolRows.get(0).get("details").asText()).isEqualTo("paused: customer on holiday");
    assertThat(carolRows.get(0).get("at").asText()).isEqualTo("2026-03-31T12:00:00Z");
  }

  @Test
  @Order(7)
  void logoutEndsTheLogin() throws Exception {
    String token = hub.login("victor", AdminHub.VICTOR_PASSWORD);

    assertThat(hub.post("/api/logout", token, null).status()).isEqualTo(200);
    assertThat(hub.get("/api/me", token).status()).isEqualTo(401);
  }

  @Test
  @Order(8)
  void loginTokensExpire() throws Exception {
    String token = hub.login("victor", AdminHub.VICTOR_PASSWORD);
    hub.clock.advance(Duration.ofHours(12).plusSeconds(1));
    try {
      assertThat(hub.get("/api/me", token).status()).isEqualTo(401);
    } finally {
      hub.clock.set(AdminHub.NOW);
    }
  }

  @Test
  @Order(20)
  void repeatedFailuresForOneUserAre429WithRetryAfter() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(
              hub.post("/api/login", null, Map.of("username", "carol", "password", "nope" + i))
                  .status())
          .isEqualTo(401);
    }
    AdminHub.Response blocked =
        hub.post(
            "/api/login", null, Map.of("username", "carol", "password", AdminHub.CAROL_PASSWORD));

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.raw().headers().firstValue("Retry-After")).hasValue("900");
    assertThat(blocked.json().get("error").asText()).contains("too many failed logins");
    // another user from the same address still gets in
    assertThat(hub.login("victor", AdminHub.VICTOR_PASSWORD)).startsWith("dhs_");
    hub.clock.advance(Duration.ofMinutes(15));
    try {
      assertThat(hub.login("carol", AdminHub.CAROL_PASSWORD)).startsWith("dhs_");
    } finally {
      hub.clock.set(AdminHub.NOW);
    }
  }

  @Test
  @Order(30)
  void repeatedFailuresFromOneAddressAre429ForEveryUser() throws Exception {
    hub.clock.advance(Duration.ofHours(1));
    try {
      for (int i = 0; i < 20; i++) {
        hub.post("/api/login", null, Map.of("username", "guess" + i, "password", "x"));
      }
      AdminHub.Response blocked =
          hub.post(
              "/api/login", null, Map.of("username", "alice", "password", AdminHub.ALICE_PASSWORD));

      assertThat(blocked.status()).isEqualTo(429);
      assertThat(Integer.parseInt(blocked.raw().headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1, 900);
    } finally {
      hub.clock.advance(Duration.ofMinutes(16));
    }
    assertThat(hub.login("alice", AdminHub.ALICE_PASSWORD)).startsWith("dhs_");
    hub.clock.set(AdminHub.NOW);
  }
}
