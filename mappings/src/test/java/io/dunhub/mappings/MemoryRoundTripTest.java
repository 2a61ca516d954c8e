package io.dunhub.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The memory mappings carry every canonical field to the host and back unchanged. */
class MemoryRoundTripTest {
  private final MappingSet set = DefaultMappings.load();
  private final MapLookups lookups =
      new MapLookups()
          .link(EntityType.PARTY, "mem", "Party", "host-p1", "p1")
          .link(EntityType.INVOICE, "mem", "Invoice", "host-i1", "i1");

  private Object roundTrip(String object, Object canonical) {
    Mapping m = set.find("memory", object).orElseThrow();
    ObjectNode host = m.toHost(canonical, "mem", lookups);
    MappingResult back =
        m.toCanonical(
            new SourceRecord(object, "h", "1", Instant.EPOCH, false, host), "mem", lookups);
    assertThat(back).as(host.toString()).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) back).canonical();
  }

  @Test
  void partiesContactsInvoicesAndPaymentsSurviveTheRoundTrip() {
    Party party =
        new Party(
            null,
            "Acme",
            "ap@acme.test",
            "+1 555 0100",
            "US",
            Locale.US,
            ZoneId.of("America/Chicago"),
            "smb",
            Set.of("vip", "net30"),
            "12-345",
            Instant.parse("2020-05-01T00:00:00Z"),
            false,
            true);
    Contact contact =
        new Contact(
            null,
            "p1",
            "Ada",
            "Okafor",
            "ada@acme.test",
            "+1 555 0101",
            ContactRole.ACCOUNTS_PAYABLE,
            Channel.EMAIL,
            Set.of(Channel.SMS),
            true);
    Invoice invoice =
        Invoice.fromHost(
            null,
            "p1",
            "INV-1",
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31),
            Money.of("120.50", "EUR"),
            Money.of("20.50", "EUR"),
            InvoiceStatus.PARTIALLY_PAID,
            "Net 30",
            "https://pay.example/1");
    Payment payment =
        new Payment(
            null,
            "p1",
            Money.of("100.00", "EUR"),
            LocalDate.of(2026, 10, 20),
            "card",
            List.of(new PaymentApplication("i1", Money.of("100.00", "EUR"))),
            null,
            null,
            "hub");

    assertThat(roundTrip("Party", party)).isEqualTo(party);
    assertThat(roundTrip("Contact", contact)).isEqualTo(contact);
    assertThat(roundTrip("Invoice", invoice)).isEqualTo(invoice);
    assertThat(roundTrip("Payment", payment)).isEqualTo(payment);
  }
}
