package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.sandbox.SandboxSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceConnectorIT {
  static final ObjectMapper JSON = new ObjectMapper();
  SandboxOrgFixture org;

  @BeforeEach
  void start() {
    org =
        new SandboxOrgFixture(
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC),
            new ManualClock(Instant.parse("2026-11-20T10:00:00Z")));
    org.sandbox.installBillingPackage();
    SandboxSeed.realistic(7).accounts(30).invoicesPerAccount(3).apply(org.sandbox.org());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void readsBillingInvoicesInPagesAndRecordsApiUsage() {
    SalesforceConnection c =
        org.open("acme", Map.of("invoice_object", "blng__Invoice__c", "query_batch_size", "200"));
    List<SourceRecord> all = new ArrayList<>();
    Page page = c.source("Invoice").readPage(null, 50);
    all.addAll(page.records());
    while (page.hasMore()) {
      page = c.source("Invoice").readPage(page.next(), 50);
      all.addAll(page.records());
    }
    assertThat(all).hasSize(90);
    assertThat(all.get(0).hostObject()).isEqualTo("blng__Invoice__c");
    assertThat(all.get(0).raw().path("blng__Balance__c").asText()).isNotEmpty();
    assertThat(c.apiUsage()).isNotNull();
    assertThat(c.apiUsage().limit()).isEqualTo(15_000);
  }

  @Test
  void anUpsertOnAnObjectWithoutTheKeyFieldIsAPermanentOutcome() {
    SalesforceConnection c = org.open("acme", Map.of());
    ObjectNode payload = JSON.createObjectNode().put("Name", "Wayne Corp").put("Phone", "1");
    var sink = c.sink("Account");
    WriteOutcome first = sink.write(new WriteRequest("k1", "Account", null, payload, null));
    assertThat(first).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) first).reason())
        .contains("acme: Account upsert failed")
        .contains("Dunhub_Key__c is not an External ID or indexed field for Account");
  }
}
