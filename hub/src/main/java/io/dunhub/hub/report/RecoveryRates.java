package io.dunhub.hub.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recovery rate by step, channel and template: of the notices sent (activities {@code NOTICE_SENT})
 * up to the report day, the share followed by a payment on their invoice within {@value
 * #WINDOW_DAYS} days of the day they were sent (the day itself included). Any payment counts,
 * partial ones too. Notices of void or deleted invoices are left out.
 */
final class RecoveryRates {

  static final int WINDOW_DAYS = 30;

  private record Notice(
      String invoiceId, LocalDate day, String step, String channel, String template) {}

  private RecoveryRates() {}

  static List<RecoveryRate> compute(
      Store store, LedgerSnapshot ledger, ZoneId zone, Instant endOfDay) {
    Map<String, LedgerSnapshot.Entry> invoices =
        ledger.entries().stream()
            .collect(Collectors.toMap(LedgerSnapshot.Entry::id, Function.identity()));
    List<Notice> notices =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT invoice_id, occurred_at, channel, attributes FROM activities"
                                + " WHERE type = 'NOTICE_SENT' AND invoice_id IS NOT NULL AND occurred_at < :end")
                        .bind("end", endOfDay)
                        .map(
                            (rs, ctx) -> {
                              JsonNode attributes =
                                  rs.getString("attributes") == null
                                      ? CanonicalReader.mapper().createObjectNode()
                                      : CanonicalReader.read(
                                          rs.getString("attributes"), JsonNode.class, "activities");
                              String channel = rs.getString("channel");
                              return new Notice(
                                  rs.getString("invoice_id"),
                                  rs.getObject("occurred_at", OffsetDateTime.class)
                                      .toInstant()
                                      .atZone(zone)
                                      .toLocalDate(),
                                  text(attributes, "step"),
                                  channel == null ? "unknown" : channel.toLowerCase(Locale.ROOT),
                                  text(attributes, "template"));
                            })
                        .list());
    Map<String, int[]> byStep = new TreeMap<>();
    Map<String, int[]> byChannel = new TreeMap<>();
    Map<String, int[]> byTemplate = new TreeMap<>();
    for (Notice n : notices) {
      LedgerSnapshot.Entry invoice = invoices.get(n.invoiceId());
      if (invoice == null) {
        continue;
      }
      boolean paid = invoice.paidBetween(n.day(), n.day().plusDays(WINDOW_DAYS));
      count(byStep, n.step(), paid);
      count(byChannel, n.channel(), paid);
      count(byTemplate, n.template(), paid);
    }
    List<RecoveryRate> rates = new ArrayList<>();
    add(rates, "step", byStep);
    add(rates, "channel", byChannel);
    add(rates, "template", byTemplate);
    return rates;
  }

  private static String text(JsonNode attributes, String name) {
    JsonNode v = attributes.get(name);
    return v == null || v.isNull() || v.asText().isBlank() ? "unknown" : v.asText();
  }

  private static void count(Map<String, int[]> counts, String key, boolean paid) {
    int[] c = counts.computeIfAbsent(key, k -> new int[2]);
    c[0]++;
    if (paid) {
      c[1]++;
    }
  }

  private static void add(List<RecoveryRate> rates, String by, Map<String, int[]> counts) {
    counts.forEach(
        (key, c) ->
            rates.add(
                new RecoveryRate(
                    by,
                    key,
                    c[0],
                    c[1],
                    BigDecimal.valueOf(c[1])
                        .divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP))));
  }
}
