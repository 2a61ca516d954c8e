package io.dunhub.hub.dunning;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
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

  /**
   * Everything about a party: facts for the evaluator, its history, and each read case's plan as
   * stored (so that applying an evaluation writes only the plans that changed).
   */
  public record Loaded(
      PartyFacts facts, History history, java.util.Map<String, StoredPlan> stored) {
    public Loaded(PartyFacts facts, History history) {
      this(facts, history, java.util.Map.of());
    }
  }

  /**
   * A case's plan as the store has it, with the row's version when it was read: the plan written
   * back must find the row at that version ({@link DunningApplicator}).
   */
  public record StoredPlan(String policyId, Instant nextEvaluation, String status, long version) {

    /** Whether the case was due for evaluation at {@code now}. */
    boolean dueAt(Instant now) {
      return nextEvaluation != null && !nextEvaluation.isAfter(now);
    }

    /** Whether writing {@code plan} would change nothing a person or the sweep reads. */
    boolean sameAs(CasePlan plan) {
      boolean samePolicy = plan.policyId() == null || plan.policyId().equals(policyId);
      boolean sameNext =
          nextEvaluation == null
              ? plan.nextEvaluation() == null
              : plan.nextEvaluation() != null
                  && micros(nextEvaluation) == micros(plan.nextEvaluation());
      return samePolicy && sameNext && java.util.Objects.equals(status, plan.status());
    }

    /** Both stores keep microseconds. */
    private static long micros(Instant t) {
      return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
  }

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
    return Optional.ofNullable(loadAll(h, List.of(partyId), now).get(partyId));
  }

  /**
   * {@link #load} for several parties at once, in eight queries whatever their number (the sweep
   * evaluates parties in groups); parties that are gone are absent from the result.
   *
   * <p>An invoice's balance is the lower of its host's open balance and its total less the
   * succeeded payments the hub holds for it: money collected outside the accounting system (a card
   * payment) stops dunning at once, not only after the hub posted it to the host and read the
   * invoice back on a later sync.
   */
  public static java.util.Map<String, Loaded> loadAll(
      Handle h, List<String> partyIds, Instant now) {
    return loadAll(h, partyIds, now, Scope.ALL_OPEN);
  }

  /** Which of a party's open cases {@link #loadAll(Handle, List, Instant, Scope)} reads. */
  public enum Scope {
    /** Every open case: what {@code dunhub dunning plan} shows. */
    ALL_OPEN,
    /**
     * Only the open cases whose next evaluation is due ({@code next_evaluation_at <= now}): what
     * the sweep decides on. A case waits for a later evaluation only when nothing can change its
     * decision before then — every change to its invoice, its payments, its party or its policy
     * makes it due at once ({@link CaseTriggers}) — so its plan stands and it is not read.
     */
    DUE
  }

  /**
   * {@link #loadAll(Handle, List, Instant)} of the cases in {@code scope}; a party in the list with
   * no case in scope is loaded with none. Nothing is locked: each case's stored plan carries the
   * row's version, which the applicator checks as it writes the plan back.
   */
  public static java.util.Map<String, Loaded> loadAll(
      Handle h, List<String> partyIds, Instant now, Scope scope) {
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
    java.util.Map<String, StoredPlan> stored = new java.util.HashMap<>();
    boolean dueOnly = scope == Scope.DUE;
    org.jdbi.v3.core.statement.Query caseQuery =
        h.createQuery(
                "SELECT c.id, c.party_id, c.invoice_id, c.policy_id, c.disputed, c.promised_date,"
                    + " c.hold_reason, c.hold_until, c.handed_over, c.next_evaluation_at, c.last_status,"
                    + " c.version, i.data, i.deleted FROM dunning_cases c JOIN invoices i ON i.id = c.invoice_id"
                    + " WHERE c.party_id IN (<ids>) AND c.closed = FALSE"
                    // through the party index: as a plain comparison, HSQLDB would take the due
                    // index instead and walk every due case of the sweep for each group
                    + (dueOnly
                        ? " AND CASE WHEN c.next_evaluation_at <= :now THEN 1 ELSE 0 END = 1"
                        : "")
                    + " ORDER BY c.id")
            .bindList("ids", partyIds);
    if (dueOnly) {
      caseQuery.bind("now", now);
    }
    caseQuery
        .map(
            (rs, ctx) -> {
              java.time.OffsetDateTime next =
                  rs.getObject("next_evaluation_at", java.time.OffsetDateTime.class);
              stored.put(
                  rs.getString("id"),
                  new StoredPlan(
                      rs.getString("policy_id"),
                      next == null ? null : next.toInstant(),
                      rs.getString("last_status"),
                      rs.getLong("version")));
              return java.util.Map.entry(rs.getString("party_id"), caseFacts(rs));
            })
        .forEach(e -> cases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    reflectPayments(h, partyIds, cases);
    java.util.Map<String, List<StepRecord>> steps = new java.util.HashMap<>();
    java.util.Map<String, String> partyOfCase = new java.util.HashMap<>();
    cases.forEach((party, list) -> list.forEach(c -> partyOfCase.put(c.caseId(), party)));
    if (!partyOfCase.isEmpty()) {
      // by case id, through the steps' primary key (a join from the parties' cases made HSQLDB
      // scan every step)
      h.createQuery(
              "SELECT case_id, step_id, taken_at, outcome FROM dunning_steps"
                  + " WHERE case_id IN (<ids>) ORDER BY taken_at, case_id, step_id")
          .bindList("ids", List.copyOf(partyOfCase.keySet()))
          .map(
              (rs, ctx) ->
                  new StepRecord(
                      rs.getString("case_id"),
                      rs.getString("step_id"),
                      rs.getObject("taken_at", java.time.OffsetDateTime.class).toInstant(),
                      rs.getString("outcome")))
          .forEach(
              st ->
                  steps
                      .computeIfAbsent(partyOfCase.get(st.caseId()), k -> new ArrayList<>())
                      .add(st));
    }
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
                  steps.getOrDefault(partyId, List.of()), sent.getOrDefault(partyId, List.of())),
              stored));
    }
    return result;
  }

  /**
   * Lowers each case's invoice balance to its total less the succeeded payments applied to it that
   * the hub holds, where that is lower than the host's balance (a payment the host has not
   * reflected yet). Payments older than a year before the oldest open invoice are not read.
   */
  private static void reflectPayments(
      Handle h, List<String> partyIds, java.util.Map<String, List<CaseFacts>> cases) {
    LocalDate oldest = null;
    for (List<CaseFacts> list : cases.values()) {
      for (CaseFacts c : list) {
        LocalDate issued = c.invoice().issueDate();
        if (oldest == null || issued.isBefore(oldest)) {
          oldest = issued;
        }
      }
    }
    if (oldest == null) {
      return;
    }
    java.util.Map<String, java.math.BigDecimal> paid = new java.util.HashMap<>();
    h.createQuery(
            "SELECT id, data FROM payments WHERE party_id IN (<ids>) AND deleted = FALSE"
                + " AND result = 'SUCCEEDED' AND payment_date >= :since")
        .bindList("ids", partyIds)
        .bind("since", oldest.minusDays(365))
        .map(
            (rs, ctx) ->
                CanonicalReader.read(
                    rs.getString("data"),
                    io.dunhub.core.model.Payment.class,
                    "payments/" + rs.getString("id")))
        .forEach(
            payment ->
                payment
                    .applications()
                    .forEach(
                        a ->
                            paid.merge(
                                a.invoiceId() + ":" + a.amount().currency().getCurrencyCode(),
                                a.amount().amount(),
                                java.math.BigDecimal::add)));
    if (paid.isEmpty()) {
      return;
    }
    cases.replaceAll(
        (party, list) -> {
          List<CaseFacts> adjusted = new ArrayList<>(list.size());
          for (CaseFacts c : list) {
            Invoice inv = c.invoice();
            java.math.BigDecimal applied =
                paid.get(inv.id() + ":" + inv.total().currency().getCurrencyCode());
            if (applied == null
                || inv.status() == InvoiceStatus.VOID
                || inv.status() == InvoiceStatus.PAID) {
              adjusted.add(c);
              continue;
            }
            java.math.BigDecimal left = inv.total().amount().subtract(applied);
            if (left.compareTo(inv.openBalance().amount()) >= 0) {
              adjusted.add(c);
              continue;
            }
            if (left.signum() < 0) {
              left = java.math.BigDecimal.ZERO;
            }
            io.dunhub.core.model.Money balance =
                new io.dunhub.core.model.Money(
                    left.setScale(
                        Math.max(
                            inv.openBalance().amount().scale(),
                            Math.max(inv.total().currency().getDefaultFractionDigits(), 0)),
                        java.math.RoundingMode.HALF_UP),
                    inv.total().currency());
            adjusted.add(
                new CaseFacts(
                    c.caseId(),
                    inv.withBalance(
                        balance,
                        left.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID),
                    c.state()));
          }
          return adjusted;
        });
  }

  /**
   * One case's facts. An invoice deleted in its host is read as void: it no longer exists to be
   * owed, so its case stops silently like a voided one.
   */
  private static CaseFacts caseFacts(java.sql.ResultSet rs) throws java.sql.SQLException {
    String invoiceId = rs.getString("invoice_id");
    Invoice invoice =
        CanonicalReader.read(rs.getString("data"), Invoice.class, "invoices/" + invoiceId)
            .withId(invoiceId);
    if (rs.getBoolean("deleted")) {
      invoice = invoice.withBalance(invoice.openBalance(), InvoiceStatus.VOID);
    }
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
