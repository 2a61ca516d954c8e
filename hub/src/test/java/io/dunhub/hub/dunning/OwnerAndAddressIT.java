package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.PostalAddress;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.OutboxRow;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The party's account owner and postal address, as the hosts' mappings bring them in: the owner is
 * the assignee of the escalation task written back into the CRM, the address heads the final
 * notice's PDF letter.
 */
class OwnerAndAddressIT {

  @StoreTest
  void theOwnerGetsTheTaskAndTheLetterCarriesTheAddress(Store store) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-04T15:00:00Z"));
    LedgerSeeder seeder = new LedgerSeeder(store, Instant.parse("2026-01-01T00:00:00Z"));
    seeder.party(
        new Party(
                "party-1",
                "Acme Corp",
                "ap@acme.example",
                null,
                "US",
                Locale.US,
                ZoneId.of("UTC"),
                null,
                Set.of(),
                null,
                null,
                false,
                false)
            .withId("party-1")
            .withOwnerAndAddress(
                "0055e000001AbCdAAK",
                new PostalAddress("1 Main Street", "Springfield", "IL", "62701", "US")),
        "crm");
    LocalDate due = LocalDate.of(2026, 2, 1);
    seeder.invoice(
        new Invoice(
            "invoice-1",
            "party-1",
            "INV-1",
            due.minusDays(30),
            due,
            Money.of("980.00", "USD"),
            Money.of("980.00", "USD"),
            InvoiceStatus.OPEN,
            "Net 30",
            "https://pay.example/1",
            Set.of()),
        "crm");
    io.dunhub.hub.notice.NoticeRenderer renderer = new io.dunhub.hub.notice.NoticeRenderer();
    io.dunhub.hub.outbox.JdbcOutbox outbox =
        new io.dunhub.hub.outbox.JdbcOutbox(store, clock, io.dunhub.hub.outbox.RetryPolicy.DEFAULT);
    DunningSweep sweep =
        new DunningSweep(
            store,
            clock,
            new DunningCases(store, clock),
            new Evaluator(
                new io.dunhub.hub.dunning.calendar.BusinessCalendar(
                    new io.dunhub.hub.dunning.calendar.JollydayHolidays()),
                new io.dunhub.hub.dunning.fee.LateFeeCalculator()),
            new DunningApplicator(
                outbox,
                new io.dunhub.hub.writeback.WriteBackPlanner(outbox),
                io.dunhub.hub.notice.Brand.plain("Northwind"),
                new TrackingLinks("https://h")),
            io.dunhub.hub.dunning.policy.BundledPolicies.load(renderer::exists));

    sweep.run(100);

    List<OutboxRow> writeBacks =
        new io.dunhub.hub.outbox.JdbcOutbox(store, clock, io.dunhub.hub.outbox.RetryPolicy.DEFAULT)
            .all("WRITE_BACK");
    JsonNode task =
        writeBacks.stream()
            .map(r -> CanonicalReader.read(r.payload(), JsonNode.class, "outbox"))
            .filter(p -> p.path("fields").path("type").asText().equals("ESCALATED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no escalation written back: " + writeBacks));
    assertThat(task.path("fields").path("attributes").path("assignee").asText())
        .isEqualTo("0055e000001AbCdAAK");

    NoticePayload letter =
        new io.dunhub.hub.outbox.JdbcOutbox(store, clock, io.dunhub.hub.outbox.RetryPolicy.DEFAULT)
            .all("NOTICE").stream()
                .map(r -> CanonicalReader.read(r.payload(), NoticePayload.class, "outbox"))
                .filter(NoticePayload::finalNotice)
                .findFirst()
                .orElseThrow()
                .render(new io.dunhub.hub.notice.NoticeRenderer()); // as the relay does
    assertThat(letter.letterHtml())
        .contains("Acme Corp<br/>1 Main Street<br/>62701 Springfield IL<br/>US<br/>");
  }
}
