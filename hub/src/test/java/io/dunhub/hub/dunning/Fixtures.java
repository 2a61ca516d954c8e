package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small builders for dunning tests. */
final class Fixtures {
  static final Set<String> TEMPLATES =
      Set.of(
          "friendly-reminder", "overdue-reminder", "second-reminder", "final-notice", "thank-you");

  private Fixtures() {}

  static Party party(String id, String country, String zone) {
    return new Party(
        id,
        "Acme " + id,
        "ap@" + id + ".example",
        "+15550000",
        country,
        Locale.US,
        ZoneId.of(zone),
        "business",
        Set.of(),
        null,
        Instant.parse("2020-01-01T00:00:00Z"),
        false,
        false);
  }

  static Party excluded(Party p) {
    return new Party(
        p.id(),
        p.name(),
        p.email(),
        p.phone(),
        p.country(),
        p.locale(),
        p.timeZone(),
        p.segment(),
        p.tags(),
        p.taxId(),
        p.customerSince(),
        true,
        p.inDispute());
  }

  static Party inSegment(Party p, String segment) {
    return new Party(
        p.id(),
        p.name(),
        p.email(),
        p.phone(),
        p.country(),
        p.locale(),
        p.timeZone(),
        segment,
        p.tags(),
        p.taxId(),
        p.customerSince(),
        p.excludedFromDunning(),
        p.inDispute());
  }

  static Contact billing(String partyId) {
    return new Contact(
        partyId + "-c1",
        partyId,
        "Bea",
        "Biller",
        "bea@" + partyId + ".example",
        "+15551234",
        ContactRole.BILLING,
        Channel.EMAIL,
        Set.of(),
        true);
  }

  static Contact contact(String partyId, Set<Channel> optedOut, boolean consent) {
    return new Contact(
        partyId + "-c1",
        partyId,
        "Bea",
        "Biller",
        "bea@" + partyId + ".example",
        "+15551234",
        ContactRole.BILLING,
        Channel.EMAIL,
        optedOut,
        consent);
  }

  static Invoice invoice(String id, String partyId, String due, String balance, String currency) {
    LocalDate dueDate = LocalDate.parse(due);
    return new Invoice(
        id,
        partyId,
        "INV-" + id,
        dueDate.minusDays(30),
        dueDate,
        Money.of(balance, currency),
        Money.of(balance, currency),
        InvoiceStatus.OPEN,
        "Net 30",
        "https://pay.example/" + id,
        Set.of());
  }

  static CaseFacts open(Invoice invoice) {
    return new CaseFacts("case-" + invoice.id(), invoice, CaseState.NEW);
  }

  static PartyFacts facts(Party party, List<Contact> contacts, CaseFacts... cases) {
    return new PartyFacts(
        party.id(), party, "owner@vendor.example", contacts, List.of(cases), PaymentBehaviour.NONE);
  }
}
