package io.dunhub.netsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteQlEngineTest {

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private final Map<String, List<Map<String, Object>>> tables =
      Map.of(
          "transaction",
          List.of(
              row(
                  "id",
                  3L,
                  "type",
                  "CustInvc",
                  "lastmodifieddate",
                  Instant.parse("2026-01-01T10:00:00Z"),
                  "currency",
                  1L,
                  "duedate",
                  LocalDate.parse("2026-02-01")),
              row(
                  "id",
                  1L,
                  "type",
                  "CustInvc",
                  "lastmodifieddate",
                  Instant.parse("2026-01-01T10:00:00Z"),
                  "currency",
                  2L),
              row(
                  "id",
                  2L,
                  "type",
                  "CustPymt",
                  "lastmodifieddate",
                  Instant.parse("2026-01-01T09:00:00Z"),
                  "currency",
                  1L),
              row(
                  "id",
                  4L,
                  "type",
                  "CustInvc",
                  "lastmodifieddate",
                  Instant.parse("2026-01-01T11:00:00Z"),
                  "currency",
                  9L)),
          "transactionline",
          List.of(
              row("transaction", 3L, "mainline", "T", "subsidiary", 1L),
              row("transaction", 1L, "mainline", "T", "subsidiary", 2L),
              row("transaction", 1L, "mainline", "F", "subsidiary", 2L),
              row("transaction", 2L, "mainline", "T", "subsidiary", 1L),
              row("transaction", 4L, "mainline", "T", "subsidiary", 4L)),
          "currency",
          List.of(row("id", 1L, "symbol", "USD"), row("id", 2L, "symbol", "GBP")));

  private final SuiteQlEngine engine =
      new SuiteQlEngine(ZoneId.of("America/New_York"), tables::get);

  @Test
  void keysetPageWithJoinsFiltersOrdersAndRendersInTheCompanyZone() {
    SuiteQlEngine.Result r =
        engine.run(
            "SELECT t.id, cur.symbol AS code, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS')"
                + " AS lastmodified, t.duedate FROM transaction t INNER JOIN transactionline tl ON"
                + " tl.transaction = t.id AND tl.mainline = 'T' LEFT JOIN currency cur ON cur.id ="
                + " t.currency WHERE t.type = 'CustInvc' AND tl.subsidiary IN (1, 2, 4) AND"
                + " (t.lastmodifieddate > TO_TIMESTAMP('2026-01-01 04:00:00', 'YYYY-MM-DD"
                + " HH24:MI:SS') OR (t.lastmodifieddate = TO_TIMESTAMP('2026-01-01 04:00:00',"
                + " 'YYYY-MM-DD HH24:MI:SS') AND t.id > 0)) ORDER BY t.lastmodifieddate, t.id",
            0,
            2);

    assertThat(r.total()).isEqualTo(3);
    assertThat(r.items()).extracting(m -> m.get("id")).containsExactly("1", "3");
    assertThat(r.items().get(0))
        .containsEntry("code", "GBP")
        .containsEntry("lastmodified", "2026-01-01 05:00:00");
    assertThat(r.items().get(1)).containsEntry("duedate", "2/1/2026");
    assertThat(
            engine
                .run(
                    "SELECT t.id, cur.symbol FROM transaction t LEFT JOIN currency cur ON cur.id = t.currency WHERE t.id = 4",
                    0,
                    10)
                .items()
                .get(0))
        .containsOnlyKeys("id");
  }

  @Test
  void refusesWhatNetSuiteWouldRefuse() {
    assertThatThrownBy(() -> engine.run("SELECT id FROM invoices", 0, 10))
        .hasMessageContaining("Record 'invoices' was not found");
    assertThatThrownBy(() -> engine.run("SELECT id FROM transaction t WHERE", 0, 10))
        .isInstanceOf(SuiteQlEngine.SuiteQlException.class);
    assertThatThrownBy(() -> engine.run("SELECT t.id FROM transaction t, currency c", 0, 10))
        .isInstanceOf(SuiteQlEngine.SuiteQlException.class);
  }

  @Test
  void comparesNumbersNumerically() {
    assertThat(
            engine.run("SELECT id FROM transaction WHERE id >= 3 ORDER BY id DESC", 0, 10).items())
        .extracting(m -> m.get("id"))
        .containsExactly("4", "3");
    assertThat(new BigDecimal("10")).isNotNull();
  }
}
