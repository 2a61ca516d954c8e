package io.dunhub.hub.report;

import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivables ledger as of now, read once: every invoice that is not void or deleted, and every
 * succeeded payment application to it by date. Balances on past days are rolled back from today's
 * open balance: {@code balance(d) = min(total, open + paid after d)}, where "paid" counts payment
 * applications by payment date and, for money the hosts report as paid without a synced payment,
 * the rest of {@code total - open} on the day the invoice last changed.
 */
final class LedgerSnapshot {

  /** One invoice of the ledger with the dated payments that reduced it. */
  record Entry(
      String id,
      String partyId,
      String number,
      String currency,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal total,
      BigDecimal open,
      List<Paid> paid) {

    /** What was still owed at the end of {@code day}; zero before the invoice was issued. */
    BigDecimal balanceAt(LocalDate day) {
      if (issueDate.isAfter(day)) {
        return BigDecimal.ZERO;
      }
      BigDecimal later = BigDecimal.ZERO;
      for (Paid p : paid) {
        if (p.date().isAfter(day)) {
          later = later.add(p.amount());
        }
      }
      return open.add(later).min(total).max(BigDecimal.ZERO);
    }

    /** Days past due at the end of {@code day} (zero or negative: not yet due). */
    long daysPastDue(LocalDate day) {
      return java.time.temporal.ChronoUnit.DAYS.between(dueDate, day);
    }

    /** The first day on or after {@code from} and on or before {@code to} with a payment. */
    boolean paidBetween(LocalDate from, LocalDate to) {
      return paid.stream().anyMatch(p -> !p.date().isBefore(from) && !p.date().isAfter(to));
    }
  }

  /** An amount paid on an invoice on a day. */
  record Paid(LocalDate date, BigDecimal amount) {}

  private final List<Entry> entries;

  private LedgerSnapshot(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  /** Reads the ledger; dates of instants are taken in {@code zone}. */
  static LedgerSnapshot load(Store store, ZoneId zone) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Map<String, List<Paid>> applied = new HashMap<>();
              h.createQuery(
                      "SELECT payment_date, data FROM payments WHERE deleted = FALSE AND result = 'SUCCEEDED'")
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getObject(1, LocalDate.class),
                            CanonicalReader.read(rs.getString(2), Payment.class, "payments")
                          })
                  .forEach(
                      row -> {
                        Payment p = (Payment) row[1];
                        for (PaymentApplication a : p.applications()) {
                          applied
                              .computeIfAbsent(a.invoiceId(), k -> new ArrayList<>())
                              .add(new Paid((LocalDate) row[0], a.amount().amount()));
                        }
                      });
              List<Entry> entries =
                  h.createQuery(
                          "SELECT id, party_id, number, currency, issue_date, due_date, total, open_balance,"
                              + " updated_at FROM invoices WHERE deleted = FALSE AND status <> 'VOID'"
                              + " ORDER BY due_date, number, id")
                      .map(
                          (rs, ctx) -> {
                            String id = rs.getString("id");
                            BigDecimal total = rs.getBigDecimal("total");
                            BigDecimal open = rs.getBigDecimal("open_balance");
                            Instant updated =
                                rs.getObject("updated_at", OffsetDateTime.class).toInstant();
                            List<Paid> paid = new ArrayList<>(applied.getOrDefault(id, List.of()));
                            BigDecimal explained =
                                paid.stream()
                                    .map(Paid::amount)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                            BigDecimal rest = total.subtract(open).subtract(explained);
                            if (rest.signum() > 0) {
                              paid.add(new Paid(updated.atZone(zone).toLocalDate(), rest));
                            }
                            paid.sort(Comparator.comparing(Paid::date));
                            return new Entry(
                                id,
                                rs.getString("party_id"),
                                rs.getString("number"),
                                rs.getString("currency"),
                                rs.getObject("issue_date", LocalDate.class),
                                rs.getObject("due_date", LocalDate.class),
                                total,
                                open,
                                List.copyOf(paid));
                          })
                      .list();
              return new LedgerSnapshot(entries);
            });
  }

  /** The entries in one currency. */
  List<Entry> in(String currency) {
    return entries.stream().filter(e -> e.currency().equals(currency)).toList();
  }

  /** The currencies with any invoice, sorted. */
  List<String> currencies() {
    return entries.stream().map(Entry::currency).distinct().sorted().toList();
  }

  /** What was owed at the end of {@code day} in one currency. */
  BigDecimal receivablesAt(String currency, LocalDate day) {
    return in(currency).stream()
        .map(e -> e.balanceAt(day))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Invoice totals issued in {@code (from, to]} in one currency: the credit sales. */
  BigDecimal salesBetween(String currency, LocalDate from, LocalDate to) {
    return in(currency).stream()
        .filter(e -> e.issueDate().isAfter(from) && !e.issueDate().isAfter(to))
        .map(Entry::total)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
