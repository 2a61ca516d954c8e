package io.dunhub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.hub.testing.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

  @io.dunhub.hub.testing.StoreTest
  void migratesEveryTableTheHubNeeds(Store store, StoreKind kind) {
    List<String> tables =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT LOWER(table_name) FROM information_schema.tables"
                                + " WHERE LOWER(table_schema) = 'public'")
                        .mapTo(String.class)
                        .list());
    assertThat(tables)
        .contains(
            "connections",
            "oauth_tokens",
            "parties",
            "contacts",
            "invoices",
            "payments",
            "external_refs",
            "watermarks",
            "parked_records",
            "conflicts",
            "sync_runs",
            "outbound_queue",
            "sync_leases",
            "scheduled_tasks");
    assertThat(store.isHealthy()).isTrue();
    if (kind == StoreKind.HSQLDB) {
      // disk-backed tables with a bounded cache, so a million rows fit a small heap
      List<String> types =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT DISTINCT hsqldb_type FROM information_schema.system_tables"
                                  + " WHERE table_schem = 'PUBLIC'")
                          .mapTo(String.class)
                          .list());
      assertThat(types).containsExactly("CACHED");
    }
  }

  @io.dunhub.hub.testing.StoreTest
  void upsertInsertsThenUpdatesAndInstantsRoundTripInUtc(Store store, StoreKind kind) {
    String sql =
        store
            .dialect()
            .upsert(
                "watermarks",
                List.of("connection", "stream"),
                List.of("connection", "stream", "value", "updated_at"));
    Instant first = Instant.parse("2026-03-29T01:30:00.123456Z");
    Instant second = Instant.parse("2026-10-25T02:30:00Z");
    store
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate(sql)
                  .bindMap(
                      Map.of(
                          "connection",
                          "qbo",
                          "stream",
                          "Invoice",
                          "value",
                          "a",
                          "updated_at",
                          first))
                  .execute();
              h.createUpdate(sql)
                  .bindMap(
                      Map.of(
                          "connection",
                          "qbo",
                          "stream",
                          "Invoice",
                          "value",
                          "b",
                          "updated_at",
                          second))
                  .execute();
            });
    List<Map<String, Object>> rows =
        store
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT value, updated_at FROM watermarks").mapToMap().list());
    assertThat(rows).as(kind.name()).hasSize(1);
    assertThat(rows.get(0).get("value")).isEqualTo("b");
    Instant stored =
        store
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT updated_at FROM watermarks").mapTo(Instant.class).one());
    assertThat(stored).isEqualTo(second);
  }

  @io.dunhub.hub.testing.StoreTest
  void insertIfAbsentKeepsTheFirstRow(Store store) {
    String sql =
        store
            .dialect()
            .insertIfAbsent(
                "watermarks",
                List.of("connection", "stream"),
                List.of("connection", "stream", "value", "updated_at"));
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    store
        .jdbi()
        .useHandle(
            h -> {
              for (String value : List.of("first", "second")) {
                h.createUpdate(sql)
                    .bind("connection", "sf")
                    .bind("stream", "Account")
                    .bind("value", value)
                    .bind("updated_at", now)
                    .execute();
              }
            });
    List<String> values =
        store
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT value FROM watermarks").mapTo(String.class).list());
    assertThat(values).containsExactly("first");
  }

  @Test
  void embeddedStoreKeepsDataAcrossRestartsAndHoldsItsLockWhileOpen(@TempDir Path dir) {
    StoreSettings settings = StoreSettings.embedded(dir);
    Instant at = Instant.parse("2026-02-01T10:00:00Z");
    try (Store store = Store.open(settings, Clock.systemUTC()).start()) {
      store
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO watermarks (connection, stream, value, updated_at) VALUES (?, ?, ?, ?)",
                      "qbo",
                      "Invoice",
                      "w1",
                      at));
      // HSQLDB's lock file is per process; a second pool in this JVM shares the database, so the
      // lock is proven against the lock file itself.
      assertThat(dir.resolve("db").resolve("dunhub.lck")).exists();
    }
    try (Store reopened = Store.open(settings, Clock.systemUTC()).start()) {
      String value =
          reopened
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT value FROM watermarks WHERE connection = 'qbo'")
                          .mapTo(String.class)
                          .one());
      assertThat(value).isEqualTo("w1");
    }
    assertThat(dir.resolve("db").resolve("dunhub.lck")).doesNotExist();
  }

  @Test
  void unreachablePostgresFailsWithWhatToCheckAndNoPassword() {
    StoreSettings settings =
        new StoreSettings(
            "jdbc:postgresql://127.0.0.1:1/nothing",
            "dunhub",
            io.dunhub.core.secret.Secret.of("hunter2"),
            2);
    assertThatThrownBy(() -> Store.open(settings, Clock.systemUTC()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(
            "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nothing")
        .hasMessageContaining("check the store URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void settingsRefuseOtherDatabases() {
    assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://x/y?password=secret", "u", null, 4))
        .hasMessageContaining("PostgreSQL")
        .hasMessageNotContaining("secret");
  }
}
