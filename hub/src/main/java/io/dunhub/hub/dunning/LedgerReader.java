package io.dunhub.hub.dunning;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Loads what the evaluator needs about one party from the store, inside a transaction. */
public final class LedgerReader {

  /** Everything about a party: facts for the evaluator and its history. */
  public record Loaded(PartyFacts facts, History history) {}

  private LedgerReader() {}

  /**
   * How the party paid in the last 365 days: each succeeded payment application to an invoice paid
   * after its due date counts as one late payment, with its days late.
   */
  static PaymentBehaviour behaviour(Handle h, String partyId, Instant now) {
    LocalDate since = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(365);
    List<String> payments =
        h.createQuery(
                "SELECT data FROM payments WHERE party_id = :id AND deleted = FALSE AND result = 'SUCCEEDED'"
                    + " AND payment_date >= :since")
            .bind("id", partyId)
            .bind("since", since)
            .mapTo(String.class)
            .list();
    int late = 0;
    long daysLate = 0;
    for (String json : payments) {
      io.dunhub.core.model.Payment payment =
          CanonicalReader.read(
              json, io.dunhub.core.model.Payment.class, "payments of party " + partyId);
      for (io.dunhub.core.model.PaymentApplication a : payment.applications()) {
        Optional<LocalDate> due =
            h.createQuery("SELECT due_date FROM invoices WHERE id = :id")
                .bind("id", a.invoiceId())
                .mapTo(LocalDate.class)
                .findOne();
        if (due.isPresent() && payment.date().isAfter(due.get())) {
          late++;
          daysLate += java.time.temporal.ChronoUnit.DAYS.between(due.get(), payment.date());
        }
      }
    }
    return late == 0
        ? PaymentBehaviour.NONE
        : new PaymentBehaviour(
            late,
            java.math.BigDecimal.valueOf(daysLate)
                .divide(java.math.BigDecimal.valueOf(late), 1, java.math.RoundingMode.HALF_UP));
  }

  /** The party with its contacts and its open (not closed) cases, or empty if it is gone. */
  public static Optional<Loaded> load(Handle h, String partyId, Instant now) {
    Optional<String> partyJson =
        h.createQuery("SELECT data FROM parties WHERE id = :id AND deleted = FALSE")
            .bind("id", partyId)
            .mapTo(String.class)
            .findOne();
    if (partyJson.isEmpty()) {
      return Optional.empty();
    }
    Party party =
        CanonicalReader.read(partyJson.get(), Party.class, "parties/" + partyId).withId(partyId);
    List<Contact> contacts = new ArrayList<>();
    h.createQuery(
            "SELECT id, data FROM contacts WHERE party_id = :id AND deleted = FALSE ORDER BY id")
        .bind("id", partyId)
        .map(
            (rs, ctx) ->
                CanonicalReader.read(
                        rs.getString("data"), Contact.class, "contacts/" + rs.getString("id"))
                    .withId(rs.getString("id")))
        .forEach(contacts::add);
    List<CaseFacts> cases = new ArrayList<>();
    h.createQuery(
            "SELECT c.id, c.invoice_id, c.policy_id, c.disputed, c.promised_date, c.hold_reason,"
                + " c.hold_until, c.handed_over, i.data FROM dunning_cases c JOIN invoices i ON i.id = c.invoice_id"
                + " WHERE c.party_id = :id AND c.closed = FALSE ORDER BY c.id")
        .bind("id", partyId)
        .map(
            (rs, ctx) -> {
              String invoiceId = rs.getString("invoice_id");
              Invoice invoice =
                  CanonicalReader.read(rs.getString("data"), Invoice.class, "invoices/" + invoiceId)
                      .withId(invoiceId);
              CaseState state =
                  new CaseState(
                      rs.getString("policy_id"),
                      rs.getBoolean("disputed"),
                      rs.getObject("promised_date", LocalDate.class),
                      rs.getString("hold_reason"),
                      rs.getObject("hold_until", LocalDate.class),
                      rs.getBoolean("handed_over"));
              return new CaseFacts(rs.getString("id"), invoice, state);
            })
        .forEach(cases::add);
    List<StepRecord> steps = new ArrayList<>();
    h.createQuery(
            "SELECT s.case_id, s.step_id, s.taken_at, s.outcome FROM dunning_steps s"
                + " JOIN dunning_cases c ON c.id = s.case_id WHERE c.party_id = :id AND c.closed = FALSE"
                + " ORDER BY s.taken_at, s.case_id, s.step_id")
        .bind("id", partyId)
        .map(
            (rs, ctx) ->
                new StepRecord(
                    rs.getString("case_id"),
                    rs.getString("step_id"),
                    rs.getObject("taken_at", java.time.OffsetDateTime.class).toInstant(),
                    rs.getString("outcome")))
        .forEach(steps::add);
    List<Instant> contactsSent =
        h.createQuery(
                "SELECT created_at FROM outbox WHERE party_id = :id AND kind = 'NOTICE'"
                    + " AND status <> 'DEAD' AND created_at > :from AND idempotency_key NOT LIKE 'thank-you:%'"
                    + " ORDER BY created_at")
            .bind("id", partyId)
            .bind("from", now.minus(Duration.ofDays(7)))
            .map((rs, ctx) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
            .list();
    String owner = party.accountOwner();
    List<ChannelOptOuts.OptOut> optOuts = ChannelOptOuts.of(h, partyId);
    PartyFacts facts =
        new PartyFacts(
            partyId,
            ChannelOptOuts.apply(party, optOuts),
            owner,
            ChannelOptOuts.apply(contacts, optOuts),
            cases,
            PaymentBehaviour.NONE);
    return Optional.of(new Loaded(facts, new History(steps, contactsSent)));
  }

  /**
   * {@link #load} for several parties at once, in six queries whatever their number (the sweep
   * evaluates parties in groups); parties that are gone are absent from the result.
   */
  public static java.util.Map<String, Loaded> loadAll(
      Handle h, List<String> partyIds, Instant now) {
    java.util.Map<String, Loaded> result = new java.util.LinkedHashMap<>();
    if (partyIds.isEmpty()) {
      return result;
    }
    java.util.Map<String, Party> parties = new java.util.HashMap<>();
    h.createQuery("SELECT id, data FROM parties WHERE id IN (<ids>) AND deleted = FALSE")
        .bindList("ids", partyIds)
        .map(
            (rs, ctx) ->
                CanonicalReader.read(
                        rs.getString("data"), Party.class, "parties/" + rs.getString("id"))
                    .withId(rs.getString("id")))
        .forEach(p -> parties.put(p.id(), p));
    java.util.Map<String, List<Contact>> contacts = new java.util.HashMap<>();
    h.createQuery(
            "SELECT id, party_id, data FROM contacts WHERE party_id IN (<ids>) AND deleted = FALSE"
                + " ORDER BY id")
        .bindList("ids", partyIds)
        .map(
            (rs, ctx) ->
                java.util.Map.entry(
                    rs.getString("party_id"),
                    CanonicalReader.read(
                            rs.getString("data"), Contact.class, "contacts/" + rs.getString("id"))
                        .withId(rs.getString("id"))))
        .forEach(
            e -> contacts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    java.util.Map<String, List<CaseFacts>> cases = new java.util.HashMap<>();
    h.createQuery(
            "SELECT c.id, c.party_id, c.invoice_id, c.policy_id, c.disputed, c.promised_date,"
                + " c.hold_reason, c.hold_until, c.handed_over, i.data FROM dunning_cases c"
                + " JOIN invoices i ON i.id = c.invoice_id"
                + " WHERE c.party_id IN (<ids>) AND c.closed = FALSE ORDER BY c.id")
        .bindList("ids", partyIds)
        .map((rs, ctx) -> java.util.Map.entry(rs.getString("party_id"), caseFacts(rs)))
        .forEach(e -> cases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    java.util.Map<String, List<StepRecord>> steps = new java.util.HashMap<>();
    h.createQuery(
            "SELECT s.case_id, c.party_id, s.step_id, s.taken_at, s.outcome FROM dunning_steps s"
                + " JOIN dunning_cases c ON c.id = s.case_id"
                + " WHERE c.party_id IN (<ids>) AND c.closed = FALSE"
                + " ORDER BY s.taken_at, s.case_id, s.step_id")
        .bindList("ids", partyIds)
        .map(
            (rs, ctx) ->
                java.util.Map.entry(
                    rs.getString("party_id"),
                    new StepRecord(
                        rs.getString("case_id"),
                        rs.getString("step_id"),
                        rs.getObject("taken_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("outcome"))))
        .forEach(e -> steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    java.util.Map<String, List<Instant>> sent = new java.util.HashMap<>();
    h.createQuery(
            "SELECT party_id, created_at FROM outbox WHERE party_id IN (<ids>) AND kind = 'NOTICE'"
                + " AND status <> 'DEAD' AND created_at > :from AND idempotency_key NOT LIKE 'thank-you:%'"
                + " ORDER BY created_at")
        .bindList("ids", partyIds)
        .bind("from", now.minus(Duration.ofDays(7)))
        .map(
            (rs, ctx) ->
                java.util.Map.entry(
                    rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
        .forEach(e -> sent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    java.util.Map<String, List<ChannelOptOuts.OptOut>> optOuts = ChannelOptOuts.of(h, partyIds);
    for (String partyId : partyIds) {
      Party party = parties.get(partyId);
      if (party == null) {
        continue;
      }
      List<ChannelOptOuts.OptOut> out = optOuts.getOrDefault(partyId, List.of());
      PartyFacts facts =
          new PartyFacts(
              partyId,
              ChannelOptOuts.apply(party, out),
              party.accountOwner(),
              ChannelOptOuts.apply(contacts.getOrDefault(partyId, List.of()), out),
              cases.getOrDefault(partyId, List.of()),
              PaymentBehaviour.NONE);
      result.put(
          partyId,
          new Loaded(
              facts,
              new History(
                  steps.getOrDefault(partyId, List.of()), sent.getOrDefault(partyId, List.of()))));
    }
    return result;
  }

  private static CaseFacts caseFacts(java.sql.ResultSet rs) throws java.sql.SQLException {
    String invoiceId = rs.getString("invoice_id");
    Invoice invoice =
        CanonicalReader.read(rs.getString("data"), Invoice.class, "invoices/" + invoiceId)
            .withId(invoiceId);
    CaseState state =
        new CaseState(
            rs.getString("policy_id"),
            rs.getBoolean("disputed"),
            rs.getObject("promised_date", LocalDate.class),
            rs.getString("hold_reason"),
            rs.getObject("hold_until", LocalDate.class),
            rs.getBoolean("handed_over"));
    return new CaseFacts(rs.getString("id"), invoice, state);
  }
}
