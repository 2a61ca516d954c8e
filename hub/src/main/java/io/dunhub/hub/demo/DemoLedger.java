package io.dunhub.hub.demo;

import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the hub did from its own store, for the live lines and the summary: notices by channel
 * and by step, tasks, payments the sync brought in, write-backs delivered, dead letters and the
 * open receivables by currency.
 */
final class DemoLedger {

  private final Store store;

  DemoLedger(Store store) {
    this.store = store;
  }

  /** Delivered notices (thank-you notes included) by channel, in {@code [from, to)}. */
  Map<String, Integer> noticesByChannel(Instant from, Instant to) {
    return countBy(
        "SELECT channel, COUNT(*) FROM activities WHERE type IN ('NOTICE_SENT', 'THANK_YOU_SENT')"
            + " AND occurred_at >= :from AND occurred_at < :to GROUP BY channel",
        from,
        to);
  }

  /**
   * Human tasks the hub raised (escalations and hand-overs to collections) in {@code [from, to)}.
   */
  int tasks(Instant from, Instant to) {
    return countBy(
            "SELECT type, COUNT(*) FROM activities WHERE type IN ('ESCALATED',"
                + " 'HANDED_TO_COLLECTIONS') AND occurred_at >= :from AND occurred_at < :to"
                + " GROUP BY type",
            from,
            to)
        .values()
        .stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  /** Notices, tasks and fees by policy step ({@code attributes.step}, or the activity type). */
  Map<String, Integer> byStep(Instant from, Instant to) {
    Map<String, Integer> out = new TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT type, attributes FROM activities WHERE type IN ('NOTICE_SENT',"
                            + " 'THANK_YOU_SENT', 'ESCALATED', 'HANDED_TO_COLLECTIONS',"
                            + " 'FEE_APPLIED') AND occurred_at >= :from AND occurred_at < :to")
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .forEach(
                        r -> {
                          String step = null;
                          if (r[1] != null && r[1].contains("\"step\"")) {
                            Object s =
                                CanonicalReader.read(r[1], Map.class, "attributes").get("step");
                            step = s == null ? null : s.toString();
                          }
                          if (r[0].equals("THANK_YOU_SENT")) {
                            step = "thank-you";
                          }
                          out.merge(step == null ? r[0].toLowerCase() : step, 1, Integer::sum);
                        }));
    return out;
  }

  /**
   * Payments the sync brought in during {@code [from, to)}, by connection, dated {@code since} or
   * later (the books' earlier payments arrive with the first sync).
   */
  Map<String, Integer> paymentsSynced(Instant from, Instant to, java.time.LocalDate since) {
    Map<String, Integer> out = new TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT source_connection, COUNT(*) FROM payments WHERE created_at >= :from"
                            + " AND created_at < :to AND payment_date >= :since AND deleted = FALSE"
                            + " GROUP BY source_connection")
                    .bind("from", from)
                    .bind("to", to)
                    .bindByType("since", since, java.time.LocalDate.class)
                    .map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> out.merge(e.getKey(), e.getValue(), Integer::sum)));
    return out;
  }

  /** Write-backs delivered into hosts, by connection, in {@code [from, to)}. */
  Map<String, Integer> writeBacksDone(Instant from, Instant to) {
    return countBy(
        "SELECT connection, COUNT(*) FROM outbox WHERE kind <> 'NOTICE' AND status = 'DONE'"
            + " AND updated_at >= :from AND updated_at < :to GROUP BY connection",
        from,
        to);
  }

  /** Outbox rows that became dead letters: what, where and why. */
  List<String> deadLetters() {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT kind, channel, connection, idempotency_key, last_error FROM outbox"
                            + " WHERE status = 'DEAD' ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            rs.getString(1)
                                + " "
                                + (rs.getString(2) != null ? rs.getString(2) : rs.getString(3))
                                + " "
                                + rs.getString(4)
                                + ": "
                                + rs.getString(5))
                    .list());
  }

  /** Outbox rows waiting (pending or retrying). */
  int pending() {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM outbox WHERE status NOT IN ('DONE', 'DEAD')")
                    .mapTo(Integer.class)
                    .one());
  }

  /** Open receivables by currency. */
  Map<String, BigDecimal> openByCurrency() {
    Map<String, BigDecimal> out = new TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT currency, SUM(open_balance) FROM invoices WHERE deleted = FALSE"
                            + " AND status NOT IN ('PAID', 'VOID') GROUP BY currency")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue().setScale(2))));
    return out;
  }

  /** Invoices, parties and contacts the hub holds, for the start line. */
  int count(String table) {
    if (!List.of("invoices", "parties", "contacts", "payments", "dunning_cases").contains(table)) {
      throw new IllegalArgumentException(table);
    }
    return store
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  private Map<String, Integer> countBy(String sql, Instant from, Instant to) {
    Map<String, Integer> out = new TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(sql)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> out.merge(e.getKey(), e.getValue(), Integer::sum)));
    return out;
  }
}
