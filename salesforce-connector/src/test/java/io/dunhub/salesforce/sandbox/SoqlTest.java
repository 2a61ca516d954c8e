package io.dunhub.salesforce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sandbox's SOQL subset: the incremental read's query, filters, ordering, limits, errors. */
class SoqlTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T00:00:00Z"));
  private final SandboxOrg org =
      new SandboxOrg(
          new Clock() {
            @Override
            public Instant instant() {
              return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });
  private final QueryEngine engine = new QueryEngine(org);

  private String account(String name, String at) {
    now.set(Instant.parse(at));
    return org.insert("Account", Map.of("Name", name), null);
  }

  private List<String> ids(String soql, boolean all) {
    return engine.run(Soql.parse(soql), all).stream().map(QueryEngine.ResultRow::id).toList();
  }

  @Test
  void theIncrementalQueryBreaksTiesById() {
    String a = account("A", "2026-03-01T00:01:00Z");
    String b = account("B", "2026-03-01T00:02:00Z");
    String c = account("C", "2026-03-01T00:02:00Z");
    String d = account("D", "2026-03-01T00:03:00Z");

    String soql =
        "SELECT Id, Name FROM Account WHERE SystemModstamp > 2026-03-01T00:02:00.000Z"
            + " OR (SystemModstamp = 2026-03-01T00:02:00.000Z AND Id > '"
            + b
            + "') ORDER BY SystemModstamp ASC, Id ASC";
    assertThat(ids(soql, false)).containsExactly(c, d);
    assertThat(ids("SELECT Id FROM Account ORDER BY SystemModstamp DESC, Id DESC LIMIT 2", false))
        .containsExactly(d, c);
    assertThat(a).isNotNull();
  }

  @Test
  void deletedRowsOnlyThroughQueryAll() {
    String a = account("A", "2026-03-01T00:01:00Z");
    String b = account("B", "2026-03-01T00:02:00Z");
    org.delete(b);

    assertThat(ids("SELECT Id FROM Account", false)).containsExactly(a);
    assertThat(ids("SELECT Id FROM Account WHERE IsDeleted = true", true)).containsExactly(b);
  }

  @Test
  void filtersByTextNumbersInAndLike() {
    account("Acme Corp", "2026-03-01T00:01:00Z");
    String globex = account("Globex", "2026-03-01T00:02:00Z");
    assertThat(ids("SELECT Id FROM Account WHERE Name LIKE 'glob%'", false))
        .containsExactly(globex);
    assertThat(ids("SELECT Id FROM Account WHERE Name IN ('x', 'GLOBEX')", false))
        .containsExactly(globex);
    assertThat(ids("SELECT Id FROM Account WHERE NOT Name = 'Globex' AND Phone = null", false))
        .hasSize(1);
  }

  @Test
  void malformedQueriesAndUnknownFieldsAreRefusedAsSalesforceDoes() {
    account("A", "2026-03-01T00:01:00Z");
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM"))
        .isInstanceOf(Soql.MalformedQueryException.class);
    assertThatThrownBy(() -> engine.run(Soql.parse("SELECT Bogus__c FROM Account"), false))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("No such column 'Bogus__c' on entity 'Account'");
    assertThatThrownBy(
            () ->
                engine.run(
                    Soql.parse("SELECT Id FROM Account WHERE SystemModstamp > '2026'"), false))
        .isInstanceOf(SandboxException.class)
        .satisfies(e -> assertThat(((SandboxException) e).code()).isEqualTo("MALFORMED_QUERY"));
  }
}
