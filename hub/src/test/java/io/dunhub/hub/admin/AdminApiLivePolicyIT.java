package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy saved through the admin API is what the running dunning engine's next sweep uses, with
 * no restart; a version the engine cannot load leaves the running one in place.
 */
class AdminApiLivePolicyIT {

  @TempDir Path dir;
  AdminHub hub;
  String admin;

  @BeforeEach
  void start() throws Exception {
    hub = new AdminHub(dir);
    admin = hub.login("alice", AdminHub.ALICE_PASSWORD);
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private JsonNode ok(AdminHub.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    return r.json();
  }

  private boolean stepTaken(String caseId, String stepId) {
    return hub.store()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM dunning_steps WHERE case_id = :c AND step_id = :s")
                        .bind("c", caseId)
                        .bind("s", stepId)
                        .mapTo(Integer.class)
                        .one())
        > 0;
  }

  @Test
  void theNextSweepUsesAPolicySavedThroughTheApi() throws Exception {
    String yaml = ok(hub.get("/api/policies/standard", admin)).get("yaml").asText();
    // hand-over to collections a day earlier: a step the running policy does not have, next for
    // the long overdue cases (which wait for a later evaluation now)
    String changed = yaml.replace("at: due+45d", "at: due+44d");
    JsonNode dry = ok(hub.putText("/api/policies/standard?dryRun=true", admin, changed));
    String caseId = null;
    for (JsonNode c : dry.get("diff").get("changes")) {
      if ("due+44d".equals(c.get("after").get("nextStep").asText())) {
        caseId = c.get("caseId").asText();
      }
    }
    assertThat(caseId).as("a case whose next step is the new one: " + dry).isNotNull();

    // a version with a problem is refused with its line, and the sweep keeps the running policy
    AdminHub.Response broken =
        hub.putText(
            "/api/policies/standard?dryRun=false",
            admin,
            changed.replace("action: task", "action: dance"));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("problems").get(0).get("line").asInt()).isGreaterThan(1);
    assertThat(Files.readString(dir.resolve("policies/default.yaml"))).contains("due+45d");

    // and the case waits for no evaluation at all, as a finished schedule or a pause would: the
    // save makes it due all the same
    String waiting = caseId;
    hub.store()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE dunning_cases SET next_evaluation_at = NULL WHERE id = :c")
                    .bind("c", waiting)
                    .execute());

    JsonNode saved = ok(hub.putText("/api/policies/standard?dryRun=false", admin, changed));
    assertThat(saved.get("message").asText()).contains("next sweep");
    assertThat(stepTaken(caseId, "due+44d")).isFalse();

    hub.hub.get(DunningRuntime.class).sweep().run(200);

    assertThat(stepTaken(caseId, "due+44d")).as("the new step taken by the next sweep").isTrue();
    assertThat(hub.get("/api/audit?actor=alice", admin).body())
        .contains("saved policy standard as default.yaml; in use");
  }
}
