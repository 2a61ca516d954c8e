package io.dunhub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A load reads exactly as many pages as it has records for, the next one fetched ahead. */
class QuickBooksReadsIT {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T15:00:00Z"));
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private QuickBooksSandboxFixture qbo;
  private Connection connection;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture(clock);
    connection =
        new QuickBooksConnector()
            .open(
                new ConnectionContext(
                    qbo.connect("books", tokens, Map.of()), clock, tokens, new OkHttpClient()));
  }

  @AfterEach
  void stop() {
    connection.close();
    qbo.close();
  }

  @Test
  void aLoadThatIsAnExactMultipleOfThePageNeedsNoEmptyEndPage() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // some share a second, as QBO's whole-second stamps often do
      ids.add(qbo.invoice(Instant.parse("2026-03-09T10:00:00Z").plusSeconds(i / 2), "10.00"));
    }

    List<Page> pages = new ArrayList<>();
    Watermark at = null;
    do {
      Page page = connection.source("Invoice").readPage(at, 3);
      pages.add(page);
      at = page.next();
    } while (pages.get(pages.size() - 1).hasMore());

    assertThat(pages).hasSize(2);
    assertThat(pages)
        .flatExtracting(Page::records)
        .extracting(SourceRecord::hostId)
        .containsExactlyElementsOf(ids);
    assertThat(qbo.sandbox.callCounts())
        .as("page 1 with its COUNT in one batch call, page 2 fetched ahead and used")
        .containsEntry("batch", 1L)
        .containsEntry("query:Invoice", 1L);
    assertThat(qbo.sandbox.apiCalls()).isEqualTo(2);
  }

  @Test
  void streamsCaughtUpAfterALoadShareOneCdcCallForTheirChanges() {
    Instant before = clock.instant().minus(Duration.ofHours(3));
    qbo.realm.edit(
        "Customer",
        qbo.customerId,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("Notes", "x"),
        before);
    String invoice = qbo.invoice(before.plusSeconds(60), "10.00");
    com.fasterxml.jackson.databind.node.ObjectNode payment =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    payment.putObject("CustomerRef").put("value", qbo.customerId);
    payment.put("TotalAmt", new java.math.BigDecimal("4.00"));
    qbo.realm.create("Payment", payment, before.plusSeconds(120));
    Map<String, Watermark> marks = new java.util.HashMap<>();
    for (String stream : List.of("Customer", "Invoice", "Payment")) {
      Page page = connection.source(stream).readPage(null, 100);
      assertThat(page.hasMore()).as(stream).isFalse();
      marks.put(stream, page.next());
    }

    clock.advance(Duration.ofMinutes(10));
    qbo.realm.edit(
        "Invoice",
        invoice,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("PrivateNote", "disputed"),
        clock.instant());
    qbo.sandbox.resetCounts();
    List<String> changed = new ArrayList<>();
    for (String stream : List.of("Customer", "Invoice", "Payment")) {
      connection.source(stream).readPage(marks.get(stream), 100).records().stream()
          .map(r -> stream + " " + r.hostId())
          .forEach(changed::add);
    }

    assertThat(changed).containsExactly("Invoice " + invoice);
    assertThat(qbo.sandbox.callCounts()).containsOnlyKeys("cdc").containsEntry("cdc", 1L);
  }
}
