package io.dunhub.hub.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** What the demo prints: where everything is, a line per simulated day, and the summary. */
public final class DemoConsole {

  private final PrintWriter out;
  private final boolean quiet;

  /**
   * @param quiet log only warnings (the hub logs every sync and relay run at INFO)
   */
  public DemoConsole(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  /** {@code port} when it is free, else 0 (any free port). */
  public static int freePort(int port) {
    if (port == 0) {
      return 0;
    }
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return port;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Keeps the log to warnings unless {@code --verbose}. */
  public void quietLogs() {
    if (quiet && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (String name :
          new String[] {
            "io.dunhub",
            "com.github.tomakehurst",
            "wiremock",
            "org.eclipse.jetty",
            "com.icegreen",
            "com.intuit",
            "org.apache.pdfbox",
            "com.openhtmltopdf"
          }) {
        context.getLogger(name).setLevel(Level.ERROR);
      }
      // openhtmltopdf logs through java.util.logging straight to the console
      java.util.logging.Logger.getLogger("com.openhtmltopdf")
          .setLevel(java.util.logging.Level.WARNING);
    }
  }

  public void starting(DemoSession.Options options) {
    out.println(
        "Starting the Dunhub demo: sandboxes of Salesforce, QuickBooks Online and NetSuite, a mail"
            + " server and an SMS stub...");
    out.flush();
  }

  public void welcome(DemoSession s, Duration perDay, int days) {
    DemoCompany c = s.company();
    int parties = s.ledger().count("parties");
    int invoices = s.ledger().count("invoices");
    out.printf(
        "%nNorthwind Supply, a B2B supplier: %d customers and %d invoices —"
            + " US books in QuickBooks Online, European books in NetSuite, customers and their"
            + " people in Salesforce.%n",
        c.customers().size(), c.invoiceCount());
    out.printf(
        "The hub synced them: %d customers, %d invoices, %d contacts; open %s.%n%n",
        parties, invoices, s.ledger().count("contacts"), money(s.ledger().openByCurrency()));
    out.println("  Console        http://localhost:" + s.httpPort() + "/");
    out.println("  Log in         " + DemoUsers.describe());
    out.println(
        "  Admin API      http://localhost:"
            + s.httpPort()
            + "/api/openapi.yaml  (Authorization: Bearer "
            + s.adminToken()
            + ")");
    out.println("  Config         " + s.config().toAbsolutePath() + "  (data beside it)");
    out.println();
    out.println("Sandboxes and servers:");
    out.println(s.hosts().describe());
    out.println();
    out.printf(
        "Clock: %s onwards, %s, %d day(s). Ctrl-C stops.%n%n",
        c.start(),
        perDay.isZero() ? "as fast as it goes" : "one simulated day every " + seconds(perDay),
        days);
    out.flush();
  }

  public void day(DemoSession.Day d) {
    int notices = d.notices().values().stream().mapToInt(Integer::intValue).sum();
    out.printf(
        "Day %2d  %s %s │ sent %3d (%s)%s │ payments in %s │ written back %d │ open %s%s%n",
        d.number(),
        d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        d.date(),
        notices,
        channels(d.notices()),
        d.tasks() > 0 ? " + " + d.tasks() + " task(s)" : "",
        d.paymentsSynced().isEmpty() ? "0" : DemoSummary.join(d.paymentsSynced()),
        d.writeBacks().values().stream().mapToInt(Integer::intValue).sum(),
        money(d.open()),
        d.dead() > 0 ? " │ " + d.dead() + " DEAD" : "");
    for (CustomerBehaviour.Event e : d.events()) {
      out.printf("          %s: %s %s%n", e.customer(), e.invoice(), e.what());
    }
    out.flush();
  }

  public void summary(DemoSession s, DemoSummary summary) {
    summary.print(out);
  }

  public void keepsRunning(DemoSession s) {
    out.printf(
        "%nThe simulation is over; the hub keeps serving http://localhost:%d/ until Ctrl-C.%n",
        s.httpPort());
    out.flush();
  }

  private static String channels(Map<String, Integer> byChannel) {
    if (byChannel.isEmpty()) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    byChannel.forEach(
        (k, v) ->
            b.append(b.length() > 0 ? ", " : "")
                .append(k.toLowerCase(Locale.ROOT))
                .append(' ')
                .append(v));
    return b.toString();
  }

  static String money(Map<String, BigDecimal> byCurrency) {
    if (byCurrency.isEmpty()) {
      return "nothing";
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    StringBuilder b = new StringBuilder();
    byCurrency.forEach(
        (k, v) -> b.append(b.length() > 0 ? " · " : "").append(k).append(' ').append(f.format(v)));
    return b.toString();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
