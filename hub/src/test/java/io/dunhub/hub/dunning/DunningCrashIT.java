package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of issue 7: a hub process running a dunning simulation that sends 1,000 notices is
 * killed ({@code kill -9}: {@link Process#destroyForcibly()}) at random points 20 times and
 * restarted each time on the same file store. Real parts: a child JVM ({@link CrashRunChild}) with
 * a file HSQLDB store, GreenMail as the SMTP server and the NetSuite sandbox as the write-back
 * target, both in this JVM so they outlive the hub.
 *
 * <p>What must hold: every notice the engine decided is delivered (no notice lost) and becomes one
 * activity and one write-back; no write-back is applied twice in NetSuite (its {@code PUT
 * …/eid:<key>} upsert and the connector's look-up first). What is reported: emails delivered twice
 * — SMTP has no idempotency key, so a kill between the server's acceptance and the commit of the
 * outbox row sends that email again when the row's lease runs out.
 */
class DunningCrashIT {

  static final int PARTIES = 500;
  static final int KILLS = 20;
  static final Instant FROM = Instant.parse("2026-03-03T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-18T00:00:00Z");
  static final Duration TICK = Duration.ofHours(4);
  static final String ACCOUNT = "5550123_SB1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void killedTwentyTimesNoNoticeIsLostAndNoWriteBackAppliedTwice() throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    NetSuiteSandbox netsuite = NetSuiteSandbox.start(ACCOUNT, Clock.systemUTC());
    try {
      netsuite.concurrencyLimit(50);
      netsuite.registerTba(
          CrashRunChild.CONSUMER_KEY,
          CrashRunChild.CONSUMER_SECRET,
          CrashRunChild.TOKEN_ID,
          CrashRunChild.TOKEN_SECRET);
      seed(netsuite);

      Random random = new Random(7);
      List<Instant> targets = killTargets(random);
      int kills = 0;
      long started = System.nanoTime();
      List<String> killedAt = new ArrayList<>();
      while (true) {
        Started started1 = start(mail.getSmtp().getPort(), netsuite.baseUrl());
        Process hub = started1.process();
        CompletableFuture<String> output = drain(started1);
        if (kills < KILLS) {
          awaitProgress(hub, targets.get(kills));
          Thread.sleep(random.nextInt(1500));
          if (hub.isAlive()) {
            hub.destroyForcibly();
            hub.waitFor(30, TimeUnit.SECONDS);
            kills++;
            killedAt.add(progress());
            Files.deleteIfExists(dir.resolve("db").resolve("dunhub.lck"));
            continue;
          }
        }
        if (!hub.waitFor(600, TimeUnit.SECONDS)) {
          hub.destroyForcibly();
          throw new AssertionError(
              "the last run did not finish; it got to " + progress() + ":\n" + output.get());
        }
        assertThat(hub.exitValue()).as(output.get()).isZero();
        if (kills >= KILLS) {
          break;
        }
        // finished before the kill: the run was too short to be killed that many times
        throw new AssertionError("the simulation ended after " + kills + " kills: " + output.get());
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      Store store = Store.open(StoreSettings.embedded(dir), Clock.systemUTC()).start();
      try {
        Map<String, Long> counts = counts(store);
        long notices = counts.get("notices");
        long sent = counts.get("sent");
        long writeBacks = counts.get("writeBacks");

        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
          byMessageId.merge(m.getMessageID(), 1, Integer::sum);
        }
        long emailsTwice = byMessageId.values().stream().filter(n -> n > 1).count();
        long extraEmails = mail.getReceivedMessages().length - byMessageId.size();

        List<SandboxRecord> notes = netsuite.store().all("note");
        long notesWrittenTwice =
            notes.stream()
                .filter(
                    n ->
                        netsuite.writes(
                                "PUT", "/services/rest/record/v1/note/eid:" + n.externalId())
                            > 1)
                .count();
        long distinctNoteKeys = notes.stream().map(SandboxRecord::externalId).distinct().count();

        System.out.printf(
            Locale.ROOT,
            "[crash test] %d kills (after ticks %s) in %.0f s: %d notices decided, %d delivered"
                + " (distinct Message-IDs), %d emails delivered twice (%d extra messages);"
                + " %d write-backs, %d NetSuite notes, %d applied twice; %d dead letters%n",
            kills,
            killedAt,
            seconds,
            notices,
            byMessageId.size(),
            emailsTwice,
            extraEmails,
            writeBacks,
            notes.size(),
            notesWrittenTwice,
            counts.get("dead"));
        store
            .jdbi()
            .useHandle(
                h ->
                    h
                        .createQuery(
                            "SELECT kind, last_error FROM outbox WHERE status = 'DEAD' ORDER BY id")
                        .map((rs, ctx) -> rs.getString(1) + ": " + rs.getString(2))
                        .list()
                        .stream()
                        .distinct()
                        .limit(3)
                        .forEach(e -> System.out.println("[crash test] dead letter " + e)));

        assertThat(notices).as("notices the engine decided").isEqualTo(2L * PARTIES);
        assertThat(counts.get("dead")).as("dead letters").isZero();
        assertThat(counts.get("pending")).as("rows left undone").isZero();
        assertThat(byMessageId).as("every notice delivered").hasSize((int) notices);
        assertThat(sent).as("one NOTICE_SENT activity per notice").isEqualTo(notices);
        assertThat(writeBacks).as("one write-back per activity").isEqualTo(notices);
        assertThat(notes).as("one NetSuite note per write-back").hasSize((int) writeBacks);
        assertThat(distinctNoteKeys).isEqualTo(writeBacks);
        assertThat(notesWrittenTwice).as("write-backs applied twice").isZero();
      } finally {
        store.close();
      }
    } finally {
      netsuite.close();
      mail.stop();
    }
  }

  /**
   * 500 customers with one open invoice each in NetSuite and in the hub's store (linked by external
   * refs, as a sync leaves them), due on 11, 12 or 13 March: the friendly reminder goes out on 4–6
   * March, the overdue reminder on Monday 16 March (the weekend's are delayed): 1,000 notices.
   */
  private void seed(NetSuiteSandbox netsuite) {
    netsuite
        .store()
        .putAt("subsidiary", 1, null, JSON.createObjectNode().put("name", "Parent"), Instant.EPOCH);
    netsuite
        .store()
        .putAt("currency", 1, null, JSON.createObjectNode().put("symbol", "USD"), Instant.EPOCH);
    try (Store store = Store.open(StoreSettings.embedded(dir), Clock.systemUTC()).start()) {
      // seeding is not what is tested: no disk flush per row while it runs (restored below)
      store.jdbi().useHandle(h -> h.execute("SET FILES WRITE DELAY TRUE"));
      LedgerSeeder seeder = new LedgerSeeder(store, FROM.minus(Duration.ofDays(40)));
      for (int i = 0; i < PARTIES; i++) {
        long customerId = 1000 + i;
        ObjectNode customer =
            JSON.createObjectNode().put("companyName", "Crash Customer " + i + " Inc.");
        customer.putObject("subsidiary").put("id", "1");
        customer.putObject("currency").put("id", "1");
        netsuite.store().putAt("customer", customerId, null, customer, Instant.EPOCH);
        long invoiceId = 50_000 + i;
        ObjectNode inv = JSON.createObjectNode().put("tranId", "INV" + invoiceId);
        inv.putObject("entity").put("id", Long.toString(customerId));
        inv.putObject("currency").put("id", "1");
        inv.putObject("subsidiary").put("id", "1");
        inv.put("total", 250).put("amountRemaining", 250).put("amountPaid", 0);
        netsuite.store().putAt("invoice", invoiceId, null, inv, Instant.EPOCH);

        String partyId = "party-" + i;
        seeder.party(
            new Party(
                    partyId,
                    "Crash Customer " + i + " Inc.",
                    "ap@crash-customer-" + i + ".example",
                    null,
                    "US",
                    Locale.US,
                    ZoneId.of("UTC"),
                    null,
                    Set.of(),
                    null,
                    null,
                    false,
                    false)
                .withId(partyId));
        LocalDate due = LocalDate.of(2026, 3, 11).plusDays(i % 3);
        seeder.invoice(
            new Invoice(
                "invoice-" + i,
                partyId,
                "INV" + invoiceId,
                due.minusDays(30),
                due,
                Money.of("250.00", "USD"),
                Money.of("250.00", "USD"),
                InvoiceStatus.OPEN,
                "Net 30",
                "https://pay.example/invoice-" + i,
                Set.of()));
        String[][] refs = {
          {"customer", Long.toString(customerId), "PARTY", partyId},
          {"invoice", Long.toString(invoiceId), "INVOICE", "invoice-" + i}
        };
        store
            .jdbi()
            .useHandle(
                h -> {
                  for (String[] ref : refs) {
                    h.createUpdate(
                            "INSERT INTO external_refs (connection, host_type, host_id, entity,"
                                + " canonical_id, created_at, updated_at)"
                                + " VALUES ('netsuite', :type, :host, :entity, :id, :at, :at)")
                        .bind("type", ref[0])
                        .bind("host", ref[1])
                        .bind("entity", ref[2])
                        .bind("id", ref[3])
                        .bind("at", FROM)
                        .execute();
                  }
                });
      }
      store.jdbi().useHandle(h -> h.execute("SET FILES WRITE DELAY FALSE"));
    }
  }

  private Started start(int smtpPort, String netsuiteUrl) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CrashRunChild.class.getName(),
            dir.toString(),
            Integer.toString(smtpPort),
            netsuiteUrl,
            ACCOUNT,
            FROM.toString(),
            TO.toString(),
            TICK.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder before = new StringBuilder();
    while ((line = r.readLine()) != null) {
      if (line.startsWith("ready")) {
        return new Started(p, r, before);
      }
      before.append(line).append('\n');
    }
    throw new AssertionError("the hub process exited before it was ready:\n" + before);
  }

  /** A hub process that said it is ready, and the reader of the rest of its output. */
  private record Started(Process process, BufferedReader reader, StringBuilder output) {}

  private static CompletableFuture<String> drain(Started rp) {
    return CompletableFuture.supplyAsync(
        () -> {
          StringBuilder out = rp.output();
          try {
            String line;
            while ((line = rp.reader().readLine()) != null) {
              if (out.length() < 20_000) {
                out.append(line).append('\n');
              }
            }
          } catch (IOException e) {
            // the process was killed
          }
          return out.toString();
        });
  }

  /**
   * When to kill: for each kill a tick of the first 80% of the simulation, in order; the hub is
   * killed at a random moment within 1.5 s after it finished that tick. Spread over the ticks, not
   * over wall-clock time, so the kills cover the whole simulation however fast the hub runs it (a
   * hub made faster finished the simulation before its 20th kill with random delays of up to 6 s).
   */
  private static List<Instant> killTargets(Random random) {
    int ticks = (int) (Duration.between(FROM, TO).toSeconds() / TICK.toSeconds());
    List<Instant> targets = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      targets.add(FROM.plus(TICK.multipliedBy(random.nextInt(ticks * 4 / 5))));
    }
    targets.sort(null);
    return targets;
  }

  /**
   * Waits until the hub has finished the tick {@code target} (or later), or has exited; fails if it
   * gets stuck before.
   */
  private void awaitProgress(Process hub, Instant target) throws IOException, InterruptedException {
    Path p = dir.resolve("progress");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (hub.isAlive()
        && (!Files.exists(p) || Instant.parse(Files.readString(p).strip()).isBefore(target))) {
      if (System.nanoTime() > deadline) {
        hub.destroyForcibly();
        throw new AssertionError(
            "the hub did not get to tick " + target + " in 600 s; it got to " + progress());
      }
      Thread.sleep(10);
    }
  }

  private String progress() throws IOException {
    Path p = dir.resolve("progress");
    return Files.exists(p) ? Files.readString(p).strip().substring(5, 13) : "none";
  }

  private static Map<String, Long> counts(Store store) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Long> m = new HashMap<>();
              m.put(
                  "notices",
                  h.createQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'NOTICE'")
                      .mapTo(Long.class)
                      .one());
              m.put(
                  "writeBacks",
                  h.createQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'WRITE_BACK'")
                      .mapTo(Long.class)
                      .one());
              m.put(
                  "dead",
                  h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'DEAD'")
                      .mapTo(Long.class)
                      .one());
              m.put(
                  "pending",
                  h.createQuery("SELECT COUNT(*) FROM outbox WHERE status <> 'DONE'")
                      .mapTo(Long.class)
                      .one());
              m.put(
                  "sent",
                  h.createQuery("SELECT COUNT(*) FROM activities WHERE type = 'NOTICE_SENT'")
                      .mapTo(Long.class)
                      .one());
              return m;
            });
  }
}
