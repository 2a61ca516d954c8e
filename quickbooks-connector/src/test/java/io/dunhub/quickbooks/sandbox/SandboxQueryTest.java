package io.dunhub.quickbooks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxQueryTest {

  @Test
  void parsesTheStatementsTheConnectorSends() {
    SandboxQuery q =
        SandboxQuery.parse(
            "SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= '2026-03-01T00:00:00+00:00'"
                + " ORDERBY MetaData.LastUpdatedTime, Id STARTPOSITION 4 MAXRESULTS 1000");
    assertThat(q.entity()).isEqualTo("Invoice");
    assertThat(q.count()).isFalse();
    assertThat(q.where()).hasSize(1);
    assertThat(q.where().get(0).op()).isEqualTo(">=");
    assertThat(q.orderBy())
        .extracting(SandboxQuery.Order::field)
        .containsExactly("MetaData.LastUpdatedTime", "Id");
    assertThat(q.startPosition()).isEqualTo(4);
    assertThat(q.maxResults()).isEqualTo(1000);

    SandboxQuery count = SandboxQuery.parse("select count(*) from Customer");
    assertThat(count.count()).isTrue();
    assertThat(count.maxResults()).as("QBO's default page").isEqualTo(100);
    assertThat(SandboxQuery.parse("SELECT * FROM Payment MAXRESULTS 5000").maxResults())
        .as("capped at 1000 like QBO")
        .isEqualTo(1000);
  }

  @Test
  void filtersComparingTimesAsInstantsAndNumbersAsNumbers() {
    SandboxRealm realm = new SandboxRealm("1", java.time.Clock.systemUTC(), ZoneId.of("UTC"));
    ObjectNode c = SandboxJson.object().put("DisplayName", "Acme");
    String customer =
        realm.create("Customer", c, Instant.parse("2026-01-01T00:00:00Z")).get("Id").asText();
    for (int i = 0; i < 12; i++) {
      ObjectNode inv = SandboxJson.object();
      inv.putObject("CustomerRef").put("value", customer);
      inv.putArray("Line")
          .addObject()
          .put("Amount", 10 + i)
          .put("DetailType", "SalesItemLineDetail");
      realm.create(
          "Invoice", inv, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(3600L * (i % 4)));
    }
    // an offset written in another zone names the same instant
    ObjectNode page =
        realm.query(
            SandboxQuery.parse(
                "SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= '2026-01-31T16:00:00-08:00'"
                    + " AND TotalAmt > '15' ORDERBY MetaData.LastUpdatedTime, Id STARTPOSITION 2"
                    + " MAXRESULTS 3"));
    List<String> ids = new java.util.ArrayList<>();
    page.withArray("Invoice").forEach(n -> ids.add(n.get("Id").asText()));
    assertThat(ids).hasSize(3);
    assertThat(page.get("startPosition").asInt()).isEqualTo(2);
    assertThat(page.get("maxResults").asInt()).isEqualTo(3);
    // ids 2..13; TotalAmt > 15 keeps i >= 6 (ids 8..13); hours 2,3,0,1,2,3 → order 10,11,8,12,9,13
    assertThat(ids).containsExactly("11", "8", "12");

    ObjectNode count =
        realm.query(
            SandboxQuery.parse("SELECT COUNT(*) FROM Invoice WHERE Id IN ('2', '3', '99')"));
    assertThat(count.get("totalCount").asInt()).isEqualTo(2);
  }

  @Test
  void aBadStatementIsAQueryParserFault() {
    assertThatThrownBy(() -> SandboxQuery.parse("SELECT * FROM Invoice WHERE Balance ~ 3"))
        .isInstanceOf(QboFault.class)
        .satisfies(e -> assertThat(((QboFault) e).code()).isEqualTo("4000"));
  }
}
