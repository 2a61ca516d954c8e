package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes made through the admin API reach the running hub without a restart: a connection added
 * through the API is synced by the running scheduler (and stops when disabled or deleted), its API
 * usage is the calls it really made, and a mapping saved through the API is used by the next sync.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiLiveIT {

  private static final String HOST = "admin-live-it-host";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static AdminHub hub;
  static InMemoryHost host;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    host = InMemoryHost.create(HOST, Clock.systemUTC());
    host.put("Party", "p-1", new ObjectMapper().createObjectNode().put("name", "Initech Ltd"));
    Files.createDirectories(dir.resolve("mappings"));
    hub = new AdminHub(dir, "mappings: mappings\n", true);
    admin = hub.login("alice", AdminHub.ALICE_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    InMemoryHost.remove(HOST);
  }

  private static JsonNode ok(AdminHub.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    return r.json();
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE + " for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static int finishedRuns(String connection) throws Exception {
    int n = 0;
    for (JsonNode run : ok(hub.get("/api/sync/runs?connection=" + connection, admin))) {
      if (run.hasNonNull("finishedAt")) {
        n++;
      }
    }
    return n;
  }

  private static int scheduled(String connection) {
    return hub.store()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'sync:added'"
                            + " AND task_instance LIKE :c")
                    .bind("c", connection + ":%")
                    .mapTo(Integer.class)
                    .one());
  }

  private static boolean partyNamed(String name) throws Exception {
    return ok(hub.get("/api/parties?q=" + name.replace(" ", "%20"), admin)).size() > 0;
  }

  private static String partyName(String q) throws Exception {
    JsonNode found = ok(hub.get("/api/parties?q=" + q, admin));
    assertThat(found).as(found.toString()).hasSize(1);
    return found.get(0).get("name").asText();
  }

  @Test
  @Order(1)
  void aConnectionAddedThroughTheApiIsSyncedByTheRunningSchedulerUntilDisabledOrDeleted()
      throws Exception {
    JsonNode created =
        ok(
            hub.post(
                "/api/connections",
                admin,
                Map.of("name", "live1", "connector", "memory", "settings", Map.of("host", HOST))));
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.get("status").asText()).isEqualTo("ok");
    assertThat(created.get("message").asText()).contains("syncs now");

    // every mapped stream (Contact, Invoice, Party, Payment) runs at once, without a restart
    await("the first sync of every stream of live1", () -> finishedRuns("live1") >= 4);
    assertThat(partyNamed("Initech Ltd")).isTrue();
    assertThat(host.calls("read:Party")).isPositive();
    assertThat(scheduled("live1")).as("one execution per stream, rescheduled").isEqualTo(4);

    JsonNode status = ok(hub.get("/api/connections/live1", admin));
    assertThat(status.get("lastSync").get("ok").asBoolean()).isTrue();
    assertThat(status.get("lastSync").get("records").asInt()).isEqualTo(1);
    JsonNode usage = status.get("apiUsage");
    assertThat(usage.get("used").asLong())
        .as("the calls the host served")
        .isPositive()
        .isEqualTo(host.dataCalls());
    assertThat(usage.get("calls").asLong()).isEqualTo(host.dataCalls());
    assertThat(usage.get("since").asText()).isNotEmpty();
    assertThat(usage.get("limit").isNull()).as("the in-memory host publishes no limit").isTrue();

    // disabled: its scheduled syncs are cancelled and the host hears nothing more
    JsonNode disabled = ok(hub.put("/api/connections/live1", admin, Map.of("enabled", false)));
    assertThat(disabled.get("status").asText()).isEqualTo("disabled");
    await("live1's syncs to be cancelled", () -> scheduled("live1") == 0);
    long readsWhenDisabled = host.dataCalls();

    // enabled again: it syncs at once
    host.put("Party", "p-2", new ObjectMapper().createObjectNode().put("name", "Globex Inc"));
    ok(hub.put("/api/connections/live1", admin, Map.of("enabled", true)));
    await("the sync after enabling live1 again", () -> partyNamed("Globex Inc"));
    assertThat(host.dataCalls()).isGreaterThan(readsWhenDisabled);
    await("live1's syncs to be scheduled again", () -> scheduled("live1") == 4);

    // deleted: gone from the API and from the scheduler
    assertThat(hub.put("/api/connections/vault1", admin, Map.of("enabled", false)).status())
        .as("a connection of the config file is changed in the file")
        .isEqualTo(409);
    ok(hub.delete("/api/connections/live1", admin));
    assertThat(hub.get("/api/connections/live1", admin).status()).isEqualTo(404);
    await("live1's syncs to be removed", () -> scheduled("live1") == 0);
    String audit = hub.get("/api/audit?actor=alice", admin).body();
    assertThat(audit)
        .contains("added memory connection live1")
        .contains("changed connection live1: disabled")
        .contains("changed connection live1: enabled")
        .contains("deleted connection live1");
  }

  @Test
  @Order(2)
  void aMappingSavedThroughTheApiIsUsedByTheNextSync() throws Exception {
    host.put("Party", "p-3", new ObjectMapper().createObjectNode().put("name", "Umbrella Plc"));
    ok(
        hub.post(
            "/api/connections",
            admin,
            Map.of("name", "live2", "connector", "memory", "settings", Map.of("host", HOST))));
    await("the first sync of live2", () -> finishedRuns("live2") >= 4);
    assertThat(partyName("umbrella")).isEqualTo("Umbrella Plc");

    // customers' names now in capitals
    String yaml = ok(hub.get("/api/mappings/memory/Party.yaml", admin)).get("yaml").asText();
    String changed =
        yaml.replace(
            "{canonical: name, host: name}",
            "{canonical: name, host: name, transform: {text: {case: upper}}}");
    assertThat(changed).isNotEqualTo(yaml);
    AdminHub.Response broken =
        hub.putText(
            "/api/mappings/memory/Party.yaml?dryRun=false",
            admin,
            changed.replace("host: name,", "host: legalName,"));
    assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
    assertThat(broken.json().get("problems").get(0).get("line").asInt()).isPositive();
    assertThat(Files.exists(dir.resolve("mappings/memory/Party.yaml"))).isFalse();

    JsonNode saved =
        ok(hub.putText("/api/mappings/memory/Party.yaml?dryRun=false", admin, changed));
    assertThat(saved.get("message").asText()).contains("next run");

    // the next sync (a change on the host, read by the running hub) maps it with the new version
    host.edit("Party", "p-3", new ObjectMapper().createObjectNode().put("segment", "enterprise"));
    assertThat(hub.hub.get(SyncEngine.class).syncStream("live2", "Party").ok()).isTrue();
    assertThat(partyName("umbrella")).isEqualTo("UMBRELLA PLC");
    assertThat(hub.get("/api/audit?actor=alice", admin).body())
        .contains("saved mapping memory/Party.yaml; in use");
  }
}
