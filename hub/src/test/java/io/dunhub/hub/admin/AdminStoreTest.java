package io.dunhub.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.admin.audit.AuditLog;
import io.dunhub.hub.admin.auth.LoginSessions;
import io.dunhub.hub.admin.auth.PasswordHasher;
import io.dunhub.hub.admin.auth.Principal;
import io.dunhub.hub.admin.auth.Role;
import io.dunhub.hub.admin.auth.UserDirectory;
import io.dunhub.hub.admin.cases.CaseActions;
import io.dunhub.hub.admin.cases.CaseQueries;
import io.dunhub.hub.admin.connection.StoredConnections;
import io.dunhub.hub.config.AdminConfig;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.report.ReportLedger;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The admin API's own tables and queries on both stores (the ITs run on the embedded one). */
class AdminStoreTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-03-31");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T12:00:00Z"));

  private static List<String> ids(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> (String) r.get("id")).toList();
  }

  @StoreTest
  void casesAreListedByDerivedStateAndActionsChangeIt(Store store) {
    new ReportLedger(store).seedStandard();
    CaseQueries queries = new CaseQueries(store);
    CaseActions actions =
        new CaseActions(
            store,
            clock,
            new DunningCases(store, clock),
            () -> new WriteBackPlanner(new JdbcOutbox(store, clock, RetryPolicy.DEFAULT)));
    CaseActions.Target a = new CaseActions.Target("case-a", "A", "acme");

    assertThat(ids(queries.list("active", null, null, TODAY, 50, 0)))
        .containsExactly("case-e", "case-c", "case-b", "case-a");
    assertThat(ids(queries.list("disputed", null, null, TODAY, 50, 0))).containsExactly("case-h");
    assertThat(ids(queries.list(null, "globex", null, TODAY, 50, 0))).containsExactly("case-h");
    assertThat(ids(queries.list(null, null, "acme", TODAY, 2, 1)))
        .containsExactly("case-d", "case-c");

    actions.pause(a, "carol", "holiday", null);
    assertThat(queries.find("case-a", TODAY).orElseThrow().get("state")).isEqualTo("paused");
    actions.hold(a, "carol", "audit", LocalDate.parse("2026-04-10"));
    assertThat(queries.find("case-a", TODAY).orElseThrow().get("state")).isEqualTo("on_hold");
    // a hold ends on its day
    assertThat(queries.find("case-a", LocalDate.parse("2026-04-10")).orElseThrow().get("state"))
        .isEqualTo("active");
    actions.resume(a, "carol");
    actions.promise(a, "carol", LocalDate.parse("2026-04-05"));
    assertThat(queries.find("case-a", TODAY).orElseThrow().get("state")).isEqualTo("promised");
    actions.resume(a, "carol");
    actions.escalate(a, "carol", "call");
    assertThat(queries.find("case-a", TODAY).orElseThrow().get("state")).isEqualTo("escalated");
    actions.exclude(a, "carol", true, "key account");
    assertThat(ids(queries.list("excluded", null, null, TODAY, 50, 0)))
        .containsExactly("case-e", "case-c", "case-b", "case-a");
    actions.resume(a, "carol");
    assertThat(queries.find("case-a", TODAY).orElseThrow().get("state")).isEqualTo("active");
    Map<String, Object> row = queries.find("case-a", TODAY).orElseThrow();
    assertThat(row.get("nextEvaluationAt")).isEqualTo(clock.instant());
    int byCarol =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM activities WHERE case_id = 'case-a'"
                                + " AND attributes LIKE '%\"by\":\"carol\"%'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(byCarol).isEqualTo(8);
  }

  @StoreTest
  void auditRowsAreListedNewestFirst(Store store) {
    AuditLog audit = new AuditLog(store, clock);
    audit.record("alice", "admin", "POST /api/x", "/api/x", 200, "127.0.0.1", "one");
    clock.advance(Duration.ofSeconds(1));
    audit.record("bob", null, "POST /api/login", "/api/login", 401, "10.0.0.1", null);

    List<AuditLog.Entry> all = audit.list(null, 10, 0);
    assertThat(all).extracting(AuditLog.Entry::actor).containsExactly("bob", "alice");
    assertThat(audit.list("alice", 10, 0).get(0).at())
        .isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
    assertThat(audit.list(null, 1, 1)).extracting(AuditLog.Entry::details).containsExactly("one");
  }

  @StoreTest
  void loginTokensUsersAndStoredConnections(Store store) {
    LoginSessions sessions =
        new LoginSessions(store, clock, Duration.ofHours(1), new SecureRandom());
    LoginSessions.Login login = sessions.create("carol", Role.COLLECTOR);
    Principal p = sessions.find(login.token()).orElseThrow();
    assertThat(p.name()).isEqualTo("carol");
    assertThat(p.role()).isEqualTo(Role.COLLECTOR);
    clock.advance(Duration.ofMinutes(61));
    assertThat(sessions.find(login.token())).isEmpty();
    LoginSessions.Login second = sessions.create("carol", Role.COLLECTOR);
    sessions.end(sessions.find(second.token()).orElseThrow().tokenHash());
    assertThat(sessions.find(second.token())).isEmpty();

    UserDirectory users =
        new UserDirectory(AdminConfig.none(), store, clock, new PasswordHasher(4));
    users.save("dave", Role.READ_ONLY, "first-password");
    users.save("dave", Role.ADMIN, "second-password");
    UserDirectory.User dave = users.find("dave").orElseThrow();
    assertThat(dave.role()).isEqualTo(Role.ADMIN);
    assertThat(new PasswordHasher(4).verify("second-password", dave.passwordHash())).isTrue();

    StoredConnections connections =
        new StoredConnections(store, clock, new SecretCipher(new byte[32]));
    connections.add(
        new ConnectionSettings(
            "v2", "vault", Map.of("host", "h"), Map.of("token", Secret.of("s3cret-value"))),
        "alice");
    ConnectionSettings back = connections.added().get("v2");
    assertThat(back.values()).containsEntry("host", "h");
    assertThat(back.secret("token").orElseThrow().reveal()).isEqualTo("s3cret-value");
    String stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT secrets_enc FROM connections WHERE name = 'v2'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).doesNotContain("s3cret");
  }
}
