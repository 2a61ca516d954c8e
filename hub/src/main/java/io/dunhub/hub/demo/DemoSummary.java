package io.dunhub.hub.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did: notices by channel and by step, payments customers made and where the hub
 * wrote them, activities written into each host (counted in the sandboxes), dead letters, DSO
 * before and after.
 */
public record DemoSummary(
    int days,
    LocalDate start,
    Map<String, Integer> noticesByChannel,
    int tasks,
    Map<String, Integer> byStep,
    Map<String, Integer> paymentsEnteredByCustomers,
    Map<String, Integer> paymentsSyncedByConnection,
    Map<String, Integer> paymentsWrittenByHost,
    Map<String, Integer> activitiesWrittenByHost,
    List<String> deadLetters,
    int pendingOutbox,
    List<CustomerBehaviour.Event> events,
    List<String> syncProblems,
    Map<String, java.math.BigDecimal[]> dso) {

  /** Notices sent on a channel ({@code EMAIL}, {@code SMS}, {@code LETTER}). */
  public int notices(String channel) {
    return noticesByChannel.getOrDefault(channel, 0);
  }

  public void print(PrintWriter out) {
    out.printf("%nSummary of %d simulated day(s) from %s%n", days, start);
    out.printf(
        "  Notices sent        email %d, SMS %d, letter %d; tasks raised %d%n",
        notices("EMAIL"), notices("SMS"), notices("LETTER"), tasks);
    out.println("  By step             " + join(byStep));
    out.println(
        "  Customers paid      "
            + join(paymentsEnteredByCustomers)
            + " (in their books, or by card)");
    out.println("  Payments synced     " + join(paymentsSyncedByConnection) + " (by connection)");
    out.println(
        "  Payments written    "
            + join(paymentsWrittenByHost)
            + " (by the hub, counted in each sandbox)");
    out.println(
        "  Activities written  " + join(activitiesWrittenByHost) + " (counted in each sandbox)");
    out.printf(
        "  Dead letters        %d%s%n",
        deadLetters.size(),
        pendingOutbox > 0 ? " (" + pendingOutbox + " outbox row(s) still waiting)" : "");
    for (String d : deadLetters.stream().limit(10).toList()) {
      out.println("      " + d);
    }
    StringBuilder d = new StringBuilder();
    dso.forEach(
        (currency, v) ->
            d.append(d.length() > 0 ? ", " : "")
                .append(currency)
                .append(' ')
                .append(days(v[0]))
                .append(" → ")
                .append(days(v[1])));
    out.println(
        "  DSO (days)          " + (d.length() == 0 ? "no sales" : d) + " (first day → last day)");
    if (!syncProblems.isEmpty()) {
      out.println("  Sync problems       " + syncProblems.size());
      for (String p : syncProblems.stream().limit(5).toList()) {
        out.println("      " + p);
      }
    }
    out.flush();
  }

  private static String days(java.math.BigDecimal v) {
    return v == null ? "n/a" : v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  static String join(Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k).append(' ').append(v);
        });
    return b.toString();
  }
}
