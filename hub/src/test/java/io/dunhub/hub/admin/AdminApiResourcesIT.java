package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.report.ReportLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin API resource over HTTP on the seeded ledger, and bad payloads naming their field.
 * Reads run first; the case actions, which evaluate the cases' parties, run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiResourcesIT {

  @TempDir static Path dir;
  static AdminHub hub;
  static String admin;
  static String collector;

  @BeforeAll
  static void start() throws Exception {
    hub = new AdminHub(dir);
    admin = hub.login("alice", AdminHub.ALICE_PASSWORD);
    collector = hub.login("carol", AdminHub.CAROL_PASSWORD);
    Instant at = AdminHub.NOW;
    ReportLedger ledger = new ReportLedger(hub.store());
    hub.store()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO sync_runs (id, connection, stream, direction, status, started_at, finished_at,"
                      + " records_read, created) VALUES ('run-1', 'vault1', 'Invoice', 'IN', 'OK', ?, ?, 12, 3)",
                  at.minusSeconds(60),
                  at.minusSeconds(50));
              h.execute(
                  "INSERT INTO parked_records (connection, stream, direction, record_key, host_id, entity, reason,"
                      + " attempts, next_attempt_at, first_parked_at, last_attempt_at) VALUES ('vault1', 'Invoice',"
                      + " 'IN', 'inv-9', 'inv-9', 'INVOICE', 'due date missing', 2, ?, ?, ?)",
                  at.plusSeconds(3600),
                  at.minusSeconds(600),
                  at.minusSeconds(60));
              String key = ReportLedger.noticeKey("case-c", "C", "due+3d", "EMAIL");
              ledger.activity(
                  "NOTICE_OPENED",
                  "C",
                  "acme",
                  "case-c",
                  "EMAIL",
                  "Opened",
                  Map.of(),
                  key,
                  "2026-02-03T10:00:00Z");
              ledger.activity(
                  "LINK_CLICKED",
                  "C",
                  "acme",
                  "case-c",
                  "EMAIL",
                  "Clicked",
                  Map.of(),
                  key,
                  "2026-02-03T10:05:00Z");
              h.execute(
                  "INSERT INTO outbox (idempotency_key, kind, channel, party_id, payload, status, attempts,"
                      + " next_attempt_at, last_error, created_at, updated_at) VALUES ('notice:x:1', 'NOTICE',"
                      + " 'EMAIL', 'acme', '{}', 'DEAD', 8, ?, 'mailbox full', ?, ?)",
                  at,
                  at,
                  at);
            });
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private static JsonNode ok(AdminHub.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    return r.json();
  }

  private static void badField(AdminHub.Response r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
  }

  @Test
  @Order(1)
  void connectionsShowStatusLastSyncParkedAndMaskedSecrets() throws Exception {
    JsonNode list = ok(hub.get("/api/connections", admin));
    assertThat(list).hasSize(1);
    JsonNode vault = list.get(0);
    assertThat(vault.get("name").asText()).isEqualTo("vault1");
    assertThat(vault.get("connector").asText()).isEqualTo("vault");
    assertThat(vault.get("enabled").asBoolean()).isTrue();
    assertThat(vault.get("status").asText()).isEqualTo("ok");
    assertThat(vault.get("lastSync").get("at").asText()).isEqualTo("2026-03-31T11:59:10Z");
    assertThat(vault.get("lastSync").get("ok").asBoolean()).isTrue();
    assertThat(vault.get("lastSync").get("records").asInt()).isEqualTo(12);
    assertThat(vault.get("parked").asInt()).isEqualTo(1);
    // calls counted by the connection's rate limiter; the in-memory host publishes no limit
    assertThat(vault.get("apiUsage").get("used").isIntegralNumber()).isTrue();
    assertThat(vault.get("apiUsage").get("limit").isNull()).isTrue();

    JsonNode detail = ok(hub.get("/api/connections/vault1", admin));
    assertThat(detail.get("settings").get("token").asText()).isEqualTo("******");
    assertThat(detail.get("settings").get("host").asText()).isEqualTo("admin-api-test-host");
    assertThat(detail.get("streams").toString()).contains("Invoice");
    assertThat(hub.get("/api/connections/nope", admin).status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void testingAConnectionRecordsItsOutcome() throws Exception {
    JsonNode result = ok(hub.post("/api/connections/vault1/test", admin, null));

    // no in-memory host of that name exists: a classified failure, not an exception
    assertThat(result.get("ok").asBoolean()).isFalse();
    assertThat(result.get("status").asText()).isNotEqualTo("OK");
    JsonNode detail = ok(hub.get("/api/connections/vault1", admin));
    assertThat(detail.get("lastCheck").get("status").asText())
        .isEqualTo(result.get("status").asText());
    assertThat(detail.get("status").asText()).isEqualTo("failing");
  }

  @Test
  @Order(3)
  void creatingAConnectionValidatesEverySettingAndStoresSecretsEncrypted() throws Exception {
    AdminHub.Response bad =
        hub.post(
            "/api/connections",
            admin,
            Map.of("name", "Bad Name", "connector", "vault", "settings", Map.of("colour", "red")));
    assertThat(bad.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    bad.json().get("problems").forEach(p -> fields.add(p.get("field").asText()));
    assertThat(fields).contains("name", "settings.host", "settings.token", "settings.colour");
    badField(
        hub.post(
            "/api/connections",
            admin,
            Map.of("name", "x1", "connector", "nosuch", "settings", Map.of())),
        "connector");

    JsonNode created =
        ok(
            hub.post(
                "/api/connections",
                admin,
                Map.of(
                    "name",
                    "vault2",
                    "connector",
                    "vault",
                    "settings",
                    Map.of("host", "h2", "token", "created-secret-55aa66bb"))));
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.get("status").asText()).isEqualTo("ok");
    assertThat(created.get("settings").get("token").asText()).isEqualTo("******");
    assertThat(created.get("config").asText()).contains("token: ${VAULT2_TOKEN}");
    String stored =
        hub.store()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT secrets_enc FROM connections WHERE name = 'vault2'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("dh").doesNotContain("created-secret");
    assertThat(ok(hub.get("/api/connections", admin)).toString()).contains("vault2");
    assertThat(hub.get("/api/audit?actor=alice", admin).body())
        .contains("added vault connection vault2");
  }

  @Test
  @Order(4)
  void syncRunsAndParkedRecords() throws Exception {
    JsonNode runs = ok(hub.get("/api/sync/runs?connection=vault1", admin));
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("records").get("read").asInt()).isEqualTo(12);
    assertThat(ok(hub.get("/api/sync/runs?connection=other", admin))).isEmpty();

    JsonNode parked = ok(hub.get("/api/parked?connection=vault1", admin));
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0).get("reason").asText()).isEqualTo("due date missing");
    long id = parked.get(0).get("id").asLong();
    ok(hub.post("/api/parked/" + id + "/retry", admin, null));
    assertThat(ok(hub.get("/api/parked", admin)).get(0).get("nextAttemptAt").asText())
        .isEqualTo("2026-03-31T12:00:00Z");
    assertThat(hub.post("/api/parked/999/retry", admin, null).status()).isEqualTo(404);
    badField(hub.post("/api/parked/abc/retry", admin, null), "id");
  }

  @Test
  @Order(5)
  void partiesWithBalancesCasesAndState() throws Exception {
    JsonNode list = ok(hub.get("/api/parties?q=acme", admin));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("Acme Corp");
    assertThat(list.get(0).get("openBalance").toString())
        .isEqualTo("[{\"amount\":\"2750.00\",\"currency\":\"USD\"}]");
    assertThat(list.get(0).get("state").asText()).isEqualTo("overdue");
    assertThat(ok(hub.get("/api/parties", admin))).hasSize(2);

    JsonNode globex = ok(hub.get("/api/parties/globex", admin));
    assertThat(globex.get("state").asText()).isEqualTo("disputed");
    assertThat(globex.get("invoices")).hasSize(1);
    assertThat(globex.get("cases").get(0).get("id").asText()).isEqualTo("case-h");
    assertThat(hub.get("/api/parties/nobody", admin).status()).isEqualTo(404);
    badField(hub.get("/api/parties?limit=0", admin), "limit");
  }

  @Test
  @Order(6)
  void casesByStateAndTextWithTheirTimeline() throws Exception {
    JsonNode disputed = ok(hub.get("/api/cases?state=disputed", admin));
    assertThat(disputed).hasSize(1);
    JsonNode h = disputed.get(0);
    assertThat(h.get("id").asText()).isEqualTo("case-h");
    assertThat(h.get("invoiceNumber").asText()).isEqualTo("INV-H");
    assertThat(h.get("partyName").asText()).isEqualTo("Globex GmbH");
    assertThat(h.get("openBalance").toString())
        .isEqualTo("{\"amount\":\"2000.00\",\"currency\":\"EUR\"}");
    assertThat(h.get("dueDate").asText()).isEqualTo("2026-04-09");
    assertThat(ok(hub.get("/api/cases?state=closed", admin)).get(0).get("id").asText())
        .isEqualTo("case-d");
    assertThat(ok(hub.get("/api/cases?q=inv-c", admin)).get(0).get("lastStep").asText())
        .isEqualTo("promise-broken@2026-03-20");
    badField(hub.get("/api/cases?state=sleeping", admin), "state");

    JsonNode c = ok(hub.get("/api/cases/case-c", admin));
    assertThat(c.get("policy").asText()).isEqualTo("standard");
    List<String> types = new ArrayList<>();
    c.get("timeline").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsSubsequence("NOTICE_SENT", "NOTICE_SENT");
    JsonNode first = c.get("timeline").get(0);
    assertThat(first.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(first.get("content").asText()).isEqualTo("Please pay");
    assertThat(first.get("opens").asInt()).isEqualTo(1);
    assertThat(first.get("clicks").asInt()).isEqualTo(1);
    assertThat(c.get("timeline").get(1).get("type").asText()).isEqualTo("NOTICE_OPENED");
    assertThat(c.get("timeline").get(1).get("opens").asInt()).isZero();
    assertThat(last(c.get("timeline")).get("opens").asInt()).isZero();
    assertThat(first.get("writeBacks").isArray()).isTrue();
    JsonNode b = ok(hub.get("/api/cases/case-b", admin));
    assertThat(b.get("timeline").toString())
        .contains("PAYMENT_RECEIVED")
        .contains("Payment of 200.00 USD");
    assertThat(hub.get("/api/cases/nope", admin).status()).isEqualTo(404);
  }

  private static String state(String caseId) throws Exception {
    return ok(hub.get("/api/cases/" + caseId, admin)).get("state").asText();
  }

  /** Moves the clock a minute on, so each action's timeline entry is the latest. */
  private static void tick() {
    hub.clock.advance(java.time.Duration.ofMinutes(1));
  }

  @Test
  @Order(15)
  void caseActionsChangeTheStateReachTheTimelineAndAreEvaluatedAtOnce() throws Exception {
    try {
      caseActions();
    } finally {
      hub.clock.set(AdminHub.NOW);
    }
  }

  private void caseActions() throws Exception {
    tick();
    JsonNode paused =
        ok(
            hub.post(
                "/api/cases/case-a/pause", collector, Map.of("reason", "talking to their CFO")));
    assertThat(paused.get("state").asText()).isEqualTo("paused");
    assertThat(paused.get("holdReason").asText()).isEqualTo("talking to their CFO");
    assertThat(paused.get("lastEvaluatedAt").asText()).isEqualTo("2026-03-31T12:01:00Z");
    assertThat(paused.get("lastStatus").asText())
        .startsWith("paused: on hold (talking to their CFO)");
    JsonNode event = last(paused.get("timeline"));
    assertThat(event.get("type").asText()).isEqualTo("HOLD_PLACED");
    assertThat(event.get("attributes").get("by").asText()).isEqualTo("carol");

    tick();
    JsonNode held =
        ok(
            hub.post(
                "/api/cases/case-a/hold",
                collector,
                Map.of("reason", "audit", "until", "2026-04-10")));
    assertThat(held.get("state").asText()).isEqualTo("on_hold");
    assertThat(held.get("nextEvaluationAt").asText()).startsWith("2026-04-10");

    tick();
    JsonNode disputed =
        ok(
            hub.post(
                "/api/cases/case-a/dispute",
                collector,
                Map.of("open", true, "reason", "wrong quantity")));
    assertThat(disputed.get("state").asText()).isEqualTo("disputed");
    assertThat(last(disputed.get("timeline")).get("type").asText()).isEqualTo("DISPUTE_OPENED");
    tick();
    JsonNode resolved = ok(hub.post("/api/cases/case-a/dispute", collector, Map.of("open", false)));
    assertThat(last(resolved.get("timeline")).get("type").asText()).isEqualTo("DISPUTE_RESOLVED");

    tick();
    ok(hub.post("/api/cases/case-a/resume", collector, null));
    JsonNode promised =
        ok(hub.post("/api/cases/case-a/promise", collector, Map.of("date", "2026-04-05")));
    assertThat(promised.get("state").asText()).isEqualTo("promised");
    assertThat(promised.get("promisedDate").asText()).isEqualTo("2026-04-05");

    tick();
    ok(hub.post("/api/cases/case-a/resume", collector, null));
    tick();
    JsonNode escalated =
        ok(hub.post("/api/cases/case-a/escalate", collector, Map.of("note", "call them")));
    assertThat(escalated.get("state").asText()).isEqualTo("escalated");
    assertThat(last(escalated.get("timeline")).get("content").asText())
        .isEqualTo("Escalated by carol: call them");

    tick();
    JsonNode resumed = ok(hub.post("/api/cases/case-a/resume", collector, null));
    assertThat(resumed.get("state").asText()).isEqualTo("active");
    assertThat(resumed.get("holdReason").isNull()).isTrue();
    assertThat(resumed.get("escalatedAt").isNull()).isTrue();
  }

  @Test
  @Order(14)
  void excludingAPartyStopsItsDunningUntilResumed() throws Exception {
    try {
      exclusion();
    } finally {
      hub.clock.set(AdminHub.NOW);
    }
  }

  private void exclusion() throws Exception {
    tick();
    JsonNode excluded =
        ok(hub.post("/api/cases/case-h/exclude", collector, Map.of("reason", "key account")));

    assertThat(excluded.get("state").asText()).isEqualTo("excluded");
    assertThat(excluded.get("lastStatus").asText())
        .isEqualTo("party excluded from dunning: never contacted");
    String data =
        hub.store()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT data FROM parties WHERE id = 'globex'")
                        .mapTo(String.class)
                        .one());
    Party globex = CanonicalReader.read(data, Party.class, "globex");
    assertThat(globex.excludedFromDunning()).isTrue();
    assertThat(globex.email()).isEqualTo("globex.gmbh@example.com");
    assertThat(globex.inDispute()).isTrue();
    assertThat(ok(hub.get("/api/parties/globex", admin)).get("state").asText())
        .isEqualTo("excluded");

    tick();
    JsonNode resumed = ok(hub.post("/api/cases/case-h/resume", collector, null));
    assertThat(resumed.get("state").asText()).isNotEqualTo("excluded");
    assertThat(last(resumed.get("timeline")).get("content").asText())
        .isEqualTo("Dunning resumed (customer included in dunning again)");
  }

  @Test
  @Order(13)
  void caseActionsRejectBadPayloadsNamingTheField() throws Exception {
    badField(hub.post("/api/cases/case-a/pause", collector, Map.of()), "reason");
    badField(
        hub.post("/api/cases/case-a/pause", collector, Map.of("reason", "x", "until", "soon")),
        "until");
    badField(
        hub.post(
            "/api/cases/case-a/pause", collector, Map.of("reason", "x", "until", "2026-03-01")),
        "until");
    badField(hub.post("/api/cases/case-a/hold", collector, Map.of("reason", "x")), "until");
    badField(hub.post("/api/cases/case-a/dispute", collector, Map.of("open", "yes")), "open");
    badField(hub.post("/api/cases/case-a/dispute", collector, Map.of("open", true)), "reason");
    badField(
        hub.post("/api/cases/case-a/promise", collector, Map.of("date", "2026-03-30")), "date");
    badField(hub.post("/api/cases/case-a/promise", collector, Map.of("date", 20260401)), "date");
    badField(hub.post("/api/cases/case-a/escalate", collector, Map.of("note", 5)), "note");
    badField(hub.post("/api/cases/case-a/pause", collector, "{not json"), "$");
    badField(hub.post("/api/cases/case-a/pause", collector, "[1, 2]"), "$");
    assertThat(hub.post("/api/cases/case-d/pause", collector, Map.of("reason", "x")).status())
        .isEqualTo(409);
    assertThat(hub.post("/api/cases/nope/pause", collector, Map.of("reason", "x")).status())
        .isEqualTo(404);
    // nothing was recorded for the refused requests
    assertThat(ok(hub.get("/api/cases/case-a", admin)).get("state").asText()).isEqualTo("active");
  }

  @Test
  @Order(10)
  void outboxAndDeadLetters() throws Exception {
    JsonNode dead = ok(hub.get("/api/outbox/dead", admin));
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).get("lastError").asText()).isEqualTo("mailbox full");
    assertThat(ok(hub.get("/api/outbox?status=dead", admin))).hasSize(1);
    badField(hub.get("/api/outbox?status=lost", admin), "status");
    long id = dead.get(0).get("id").asLong();

    ok(hub.post("/api/outbox/" + id + "/retry", admin, null));

    assertThat(ok(hub.get("/api/outbox/dead", admin))).isEmpty();
    assertThat(hub.post("/api/outbox/" + id + "/retry", admin, null).status()).isEqualTo(404);
  }

  @Test
  @Order(12)
  void policiesListValidateAndUploadWithADryRunDiff() throws Exception {
    JsonNode list = ok(hub.get("/api/policies", admin));
    assertThat(list.get("editable").asBoolean()).isTrue();
    List<String> names = new ArrayList<>();
    list.get("policies").forEach(p -> names.add(p.get("name").asText()));
    assertThat(names).contains("standard");
    JsonNode standard = ok(hub.get("/api/policies/standard", admin));
    String yaml = standard.get("yaml").asText();
    assertThat(yaml).contains("policy: standard");
    assertThat(hub.get("/api/policies/none", admin).status()).isEqualTo(404);

    JsonNode invalid =
        ok(
            hub.postText(
                "/api/policies/validate",
                collector,
                yaml.replace("action: task", "action: dance")));
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(invalid.get("problems").get(0).get("line").asInt()).isGreaterThan(1);
    assertThat(invalid.get("problems").get(0).get("message").asText()).contains("dance");
    assertThat(ok(hub.postText("/api/policies/validate", collector, yaml)).get("valid").asBoolean())
        .isTrue();

    // the second reminder a week earlier: case C (31+ days late, due+3d taken) moves on now
    String changed = yaml.replace("at: due+7d", "at: due+5d");
    JsonNode dry = ok(hub.putText("/api/policies/standard?dryRun=true", admin, changed));
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("diff").get("casesEvaluated").asInt()).isPositive();
    assertThat(Files.readString(dir.resolve("policies/default.yaml"))).contains("due+7d");

    badField(hub.putText("/api/policies/other?dryRun=true", admin, changed), "policy");
    badField(hub.putText("/api/policies/standard?dryRun=maybe", admin, changed), "dryRun");
    AdminHub.Response broken =
        hub.putText(
            "/api/policies/standard?dryRun=false",
            admin,
            yaml.replace("action: task", "action: dance"));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("problems")).isNotEmpty();
    assertThat(hub.putText("/api/policies/standard?dryRun=false", collector, changed).status())
        .isEqualTo(403);

    ok(hub.putText("/api/policies/standard?dryRun=false", admin, changed));
    assertThat(Files.readString(dir.resolve("policies/default.yaml"))).contains("due+5d");
    assertThat(hub.get("/api/audit?actor=alice", admin).body())
        .contains("saved policy standard as default.yaml");
  }

  @Test
  @Order(11)
  void mappingsListValidateAndUploadWithADryRun() throws Exception {
    JsonNode list = ok(hub.get("/api/mappings", admin));
    assertThat(list.get("editable").asBoolean()).isFalse();
    assertThat(list.get("mappings").toString()).contains("memory/Party.yaml");
    JsonNode party = ok(hub.get("/api/mappings/memory/Party.yaml", admin));
    String yaml = party.get("yaml").asText();
    assertThat(party.get("mapping").get("entity").asText()).isEqualTo("party");
    assertThat(hub.get("/api/mappings/memory/Nothing.yaml", admin).status()).isEqualTo(404);

    JsonNode invalid =
        ok(
            hub.postText(
                "/api/mappings/validate?file=memory/Party.yaml",
                collector,
                yaml + "\nbogus_key: 1\n"));
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(invalid.get("problems").toString()).contains("bogus_key");
    // without ?file= the YAML's system: and object: name the file
    assertThat(ok(hub.postText("/api/mappings/validate", collector, yaml)).get("valid").asBoolean())
        .isTrue();
    badField(hub.postText("/api/mappings/validate", collector, "fields: []\n"), "file");

    JsonNode dry = ok(hub.putText("/api/mappings/memory/Party.yaml?dryRun=true", admin, yaml));
    assertThat(dry.get("diff").get("fields")).isEmpty();
    assertThat(hub.putText("/api/mappings/memory/Party.yaml?dryRun=false", admin, yaml).status())
        .isEqualTo(409);
  }

  @Test
  @Order(8)
  void templatesAndTheirPreviewForAStoredInvoice() throws Exception {
    JsonNode list = ok(hub.get("/api/templates", admin));
    assertThat(list.toString())
        .contains("{\"name\":\"overdue-reminder\",\"locales\":[\"en\",\"de\"]}");

    JsonNode en =
        ok(
            hub.post(
                "/api/templates/preview",
                collector,
                Map.of("template", "overdue-reminder", "invoiceId", "INV-C")));
    JsonNode de =
        ok(
            hub.post(
                "/api/templates/preview",
                collector,
                Map.of("template", "overdue-reminder", "locale", "de", "invoiceId", "C")));
    assertThat(en.get("html").asText()).contains("INV-C");
    assertThat(de.get("html").asText()).contains("INV-C");
    assertThat(de.get("subject").asText()).isNotEqualTo(en.get("subject").asText());

    badField(
        hub.post("/api/templates/preview", collector, Map.of("template", "nope", "invoiceId", "C")),
        "template");
    badField(
        hub.post(
            "/api/templates/preview",
            collector,
            Map.of("template", "overdue-reminder", "invoiceId", "ZZ")),
        "invoiceId");
    badField(
        hub.post("/api/templates/preview", collector, Map.of("template", "overdue-reminder")),
        "invoiceId");
    badField(
        hub.post(
            "/api/templates/preview",
            collector,
            Map.of("template", "overdue-reminder", "locale", "??", "invoiceId", "C")),
        "locale");
  }

  @Test
  @Order(7)
  void theOverviewReportCarriesTheSeededFigures() throws Exception {
    JsonNode o = ok(hub.get("/api/reports/overview?asOf=2026-03-31", admin));

    assertThat(o.get("asOf").asText()).isEqualTo("2026-03-31");
    JsonNode usd = o.get("currencies").get(1);
    assertThat(usd.get("currency").asText()).isEqualTo("USD");
    assertThat(usd.get("receivables").toString())
        .isEqualTo("{\"amount\":\"2750.00\",\"currency\":\"USD\"}");
    assertThat(usd.get("aging").toString())
        .isEqualTo(
            "[{\"bucket\":\"current\",\"amount\":{\"amount\":\"1000.00\",\"currency\":\"USD\"},\"count\":1},"
                + "{\"bucket\":\"1-30\",\"amount\":{\"amount\":\"300.00\",\"currency\":\"USD\"},\"count\":1},"
                + "{\"bucket\":\"31-60\",\"amount\":{\"amount\":\"800.00\",\"currency\":\"USD\"},\"count\":1},"
                + "{\"bucket\":\"61-90\",\"amount\":{\"amount\":\"400.00\",\"currency\":\"USD\"},\"count\":1},"
                + "{\"bucket\":\"90+\",\"amount\":{\"amount\":\"250.00\",\"currency\":\"USD\"},\"count\":1}]");
    assertThat(o.get("reportingCurrency").asText()).isEqualTo("USD");
    assertThat(o.get("dso")).hasSize(30);
    assertThat(o.get("dso").get(29).toString())
        .isEqualTo("{\"date\":\"2026-03-31\",\"days\":82.5}");
    assertThat(o.get("cei").decimalValue()).isEqualByComparingTo("34.0");
    assertThat(o.get("recovery").toString())
        .contains(
            "{\"by\":\"template\",\"key\":\"friendly-reminder\",\"notices\":4,\"paidWithin30d\":3,\"rate\":0.75}");
    assertThat(o.get("upcoming").isArray()).isTrue();
    badField(hub.get("/api/reports/overview?asOf=yesterday", admin), "asOf");
  }

  @Test
  @Order(9)
  void theOpenApiDocumentIsServed() throws Exception {
    AdminHub.Response r = hub.get("/api/openapi.yaml", collector);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/yaml");
    assertThat(r.body()).startsWith("openapi: 3.0.3");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
