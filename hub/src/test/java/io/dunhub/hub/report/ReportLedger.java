package io.dunhub.hub.report;

import io.dunhub.core.model.DataFlag;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.core.model.PaymentResult;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a small ledger straight into the store's tables, as sync and dunning would leave it: the
 * fixture of the report tests (and of the admin API tests, which read the same figures over HTTP).
 */
public final class ReportLedger {

  private static final String HASH = "0".repeat(64);
  private final Store store;

  public ReportLedger(Store store) {
    this.store = store;
  }

  public void party(String id, String name, boolean inDispute) {
    Party p =
        new Party(
            id,
            name,
            name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com",
            null,
            "US",
            null,
            null,
            null,
            Set.of(),
            null,
            null,
            false,
            inDispute);
    Instant at = Instant.parse("2025-10-01T00:00:00Z");
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO parties (id, name, email_key, excluded_from_dunning, in_dispute, deleted, data, hash,"
                            + " version, created_at, updated_at) VALUES (:id, :name, :email, FALSE, :disp, FALSE, :data,"
                            + " :hash, 1, :at, :at)")
                    .bind("id", id)
                    .bind("name", name)
                    .bind("email", p.email())
                    .bind("disp", inDispute)
                    .bind("data", CanonicalReader.write(p))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
  }

  /** An invoice; {@code updatedAt} is when the store last saw it change. */
  public void invoice(
      String id,
      String party,
      String number,
      String issued,
      String due,
      String total,
      String open,
      String currency,
      InvoiceStatus status,
      String updatedAt) {
    Invoice i =
        new Invoice(
            id,
            party,
            number,
            LocalDate.parse(issued),
            LocalDate.parse(due),
            Money.of(total, currency),
            Money.of(open, currency),
            status,
            "Net 30",
            "https://pay.example.com/" + number,
            Set.<DataFlag>of());
    Instant at = Instant.parse(updatedAt);
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date, currency, total,"
                            + " open_balance, deleted, data, hash, version, created_at, updated_at) VALUES (:id, :party,"
                            + " :number, :status, :issue, :due, :cur, :total, :open, FALSE, :data, :hash, 1, :at, :at)")
                    .bind("id", id)
                    .bind("party", party)
                    .bind("number", number)
                    .bind("status", status.name())
                    .bind("issue", i.issueDate())
                    .bind("due", i.dueDate())
                    .bind("cur", currency)
                    .bind("total", i.total().amount())
                    .bind("open", i.openBalance().amount())
                    .bind("data", CanonicalReader.write(i))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
  }

  public void payment(
      String id, String party, String date, String amount, String currency, String invoice) {
    Payment p =
        new Payment(
            id,
            party,
            Money.of(amount, currency),
            LocalDate.parse(date),
            "ach",
            List.of(new PaymentApplication(invoice, Money.of(amount, currency))),
            PaymentResult.SUCCEEDED,
            null,
            "books");
    Instant at = Instant.parse(date + "T12:00:00Z");
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO payments (id, party_id, payment_date, currency, amount, result, deleted, data, hash,"
                            + " version, created_at, updated_at) VALUES (:id, :party, :date, :cur, :amount, 'SUCCEEDED',"
                            + " FALSE, :data, :hash, 1, :at, :at)")
                    .bind("id", id)
                    .bind("party", party)
                    .bind("date", p.date())
                    .bind("cur", currency)
                    .bind("amount", p.amount().amount())
                    .bind("data", CanonicalReader.write(p))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
  }

  /** A dunning case; {@code next} may be null. */
  public void dunningCase(
      String id,
      String invoice,
      String party,
      String policy,
      boolean disputed,
      boolean closed,
      String next,
      String lastStatus) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO dunning_cases (id, invoice_id, party_id, policy_id, disputed, closed,"
                            + " next_evaluation_at, last_status, version, created_at, updated_at) VALUES (:id, :invoice,"
                            + " :party, :policy, :disputed, :closed, :next, :status, 1, :at, :at)")
                    .bind("id", id)
                    .bind("invoice", invoice)
                    .bind("party", party)
                    .bind("policy", policy)
                    .bind("disputed", disputed)
                    .bind("closed", closed)
                    .bindByType("next", next == null ? null : Instant.parse(next), Instant.class)
                    .bind("status", lastStatus)
                    .bind("at", at)
                    .execute());
  }

  public void step(String caseId, String stepId, String at) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO dunning_steps (case_id, step_id, policy_id, outcome, taken_at)"
                            + " VALUES (:c, :s, 'standard', 'done', :at)")
                    .bind("c", caseId)
                    .bind("s", stepId)
                    .bind("at", Instant.parse(at))
                    .execute());
  }

  /** A notice that went out (as the outbox relay records it, with the notice's outbox key). */
  public void noticeSent(
      String invoice,
      String party,
      String caseId,
      String channel,
      String step,
      String template,
      String at) {
    activity(
        "NOTICE_SENT",
        invoice,
        party,
        caseId,
        channel,
        "Reminder " + step,
        Map.of("step", step, "template", template),
        noticeKey(caseId, invoice, step, channel),
        at);
  }

  /** The outbox key of a seeded notice. */
  public static String noticeKey(String caseId, String invoice, String step, String channel) {
    return "notice:" + (caseId == null ? invoice : caseId) + ":" + step + ":" + channel + ":ap";
  }

  /** An activity of any type (tracking records opens and clicks with the notice's outbox key). */
  public void activity(
      String type,
      String invoice,
      String party,
      String caseId,
      String channel,
      String subject,
      Map<String, String> attributes,
      String outboxKey,
      String at) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO activities (id, type, occurred_at, party_id, invoice_id, case_id, channel,"
                            + " recipient, subject, content, attributes, outbox_key) VALUES (:id, :type, :at, :party,"
                            + " :invoice, :case, :channel, 'ap@example.com', :subject, 'Please pay', :attributes, :key)")
                    .bind("id", UUID.randomUUID().toString())
                    .bind("at", Instant.parse(at))
                    .bind("party", party)
                    .bind("invoice", invoice)
                    .bind("case", caseId)
                    .bind("channel", channel)
                    .bind("type", type)
                    .bind("subject", subject)
                    .bind("attributes", CanonicalReader.write(attributes))
                    .bind("key", outboxKey)
                    .execute());
  }

  /**
   * The ledger the report tests compute on (report day 2026-03-31, clock at noon UTC):
   *
   * <pre>
   * USD, party acme          issued      due         total  open  status
   *   A  INV-A                2026-03-01  2026-03-31  1000   1000  current
   *   B  INV-B                2026-02-01  2026-03-03   500    300  28 days late (200 paid 03-10)
   *   C  INV-C                2026-01-01  2026-01-31   800    800  59 days late, promise broken
   *   D  INV-D                2025-12-01  2025-12-31   400    400  90 days late
   *   E  INV-E                2025-11-01  2025-12-01   250    250  120 days late
   *   F  INV-F                2026-02-15  2026-03-15   600      0  paid 03-20
   *   G  INV-G                2026-03-05  2026-04-04   999    999  VOID
   *   I  INV-I                2026-03-02  2026-04-01   100      0  paid, no payment synced (03-25)
   * EUR, party globex (in dispute)
   *   H  INV-H                2026-03-10  2026-04-09  2000   2000  current
   * </pre>
   */
  public void seedStandard() {
    party("acme", "Acme Corp", false);
    party("globex", "Globex GmbH", true);
    InvoiceStatus open = InvoiceStatus.OPEN;
    invoice(
        "A",
        "acme",
        "INV-A",
        "2026-03-01",
        "2026-03-31",
        "1000",
        "1000",
        "USD",
        open,
        "2026-03-01T10:00:00Z");
    invoice(
        "B",
        "acme",
        "INV-B",
        "2026-02-01",
        "2026-03-03",
        "500",
        "300",
        "USD",
        InvoiceStatus.PARTIALLY_PAID,
        "2026-03-10T10:00:00Z");
    invoice(
        "C",
        "acme",
        "INV-C",
        "2026-01-01",
        "2026-01-31",
        "800",
        "800",
        "USD",
        open,
        "2026-01-01T10:00:00Z");
    invoice(
        "D",
        "acme",
        "INV-D",
        "2025-12-01",
        "2025-12-31",
        "400",
        "400",
        "USD",
        open,
        "2025-12-01T10:00:00Z");
    invoice(
        "E",
        "acme",
        "INV-E",
        "2025-11-01",
        "2025-12-01",
        "250",
        "250",
        "USD",
        open,
        "2025-11-01T10:00:00Z");
    invoice(
        "F",
        "acme",
        "INV-F",
        "2026-02-15",
        "2026-03-15",
        "600",
        "0",
        "USD",
        InvoiceStatus.PAID,
        "2026-03-20T10:00:00Z");
    invoice(
        "G",
        "acme",
        "INV-G",
        "2026-03-05",
        "2026-04-04",
        "999",
        "999",
        "USD",
        InvoiceStatus.VOID,
        "2026-03-06T10:00:00Z");
    invoice(
        "I",
        "acme",
        "INV-I",
        "2026-03-02",
        "2026-04-01",
        "100",
        "0",
        "USD",
        InvoiceStatus.PAID,
        "2026-03-25T10:00:00Z");
    invoice(
        "H",
        "globex",
        "INV-H",
        "2026-03-10",
        "2026-04-09",
        "2000",
        "2000",
        "EUR",
        open,
        "2026-03-10T10:00:00Z");
    payment("pay-b", "acme", "2026-03-10", "200", "USD", "B");
    payment("pay-f", "acme", "2026-03-20", "600", "USD", "F");

    dunningCase(
        "case-a",
        "A",
        "acme",
        null,
        false,
        false,
        "2026-04-03T08:00:00Z",
        "waiting: step due+3d (notice) at 2026-04-03T08:00:00Z");
    dunningCase("case-b", "B", "acme", "standard", false, false, "2026-04-15T08:00:00Z", "waiting");
    dunningCase("case-c", "C", "acme", "standard", false, false, "2026-04-02T09:00:00Z", "waiting");
    dunningCase(
        "case-d", "D", "acme", "standard", false, true, "2026-04-01T09:00:00Z", "closed: paid");
    dunningCase("case-e", "E", "acme", "standard", false, false, "2026-04-20T09:00:00Z", "waiting");
    dunningCase("case-h", "H", "globex", "standard", true, false, null, "paused: dispute");
    step("case-c", "due-7d", "2026-01-24T09:00:00Z");
    step("case-c", "due+3d", "2026-02-03T09:00:00Z");
    step("case-c", "promise-broken@2026-03-20", "2026-03-24T09:00:00Z");

    noticeSent(
        "B", "acme", "case-b", "EMAIL", "due+3d", "friendly-reminder", "2026-03-06T09:00:00Z");
    noticeSent(
        "C", "acme", "case-c", "EMAIL", "due+3d", "friendly-reminder", "2026-02-03T09:00:00Z");
    noticeSent("C", "acme", "case-c", "SMS", "due+14d", "overdue-reminder", "2026-02-14T09:00:00Z");
    noticeSent("F", "acme", null, "SMS", "due+3d", "friendly-reminder", "2026-03-18T09:00:00Z");
    noticeSent("I", "acme", null, "EMAIL", "due-3d", "friendly-reminder", "2026-03-20T09:00:00Z");
    noticeSent("D", "acme", "case-d", "LETTER", "final", "final-notice", "2026-01-20T09:00:00Z");
  }
}
