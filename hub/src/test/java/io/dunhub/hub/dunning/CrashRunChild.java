package io.dunhub.hub.dunning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.http.HttpClientFactory;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.dunning.cli.DunningSettings;
import io.dunhub.hub.dunning.cli.DunningWiring;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.SmtpSettings;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.runtime.SettableClock;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.netsuite.NetSuiteConnector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The hub process {@link DunningCrashIT} kills: a dunning simulation on a file HSQLDB store, email
 * through SMTP (GreenMail in the test), write-backs into NetSuite (the sandbox in the test) through
 * the NetSuite connector, each activity as a note written with {@code PUT …/eid:<key>}. It resumes
 * from the last tick it finished (a progress file beside the store), as a restarted hub resumes
 * from its clock.
 *
 * <p>Arguments: store dir, SMTP port, NetSuite base URL, NetSuite account, from, to, tick.
 */
public final class CrashRunChild {

  static final String CONSUMER_KEY = "crash-consumer";
  static final Secret CONSUMER_SECRET = Secret.of("crash-consumer-secret");
  static final String TOKEN_ID = "crash-token";
  static final Secret TOKEN_SECRET = Secret.of("crash-token-secret");

  private CrashRunChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int smtpPort = Integer.parseInt(args[1]);
    String netsuiteUrl = args[2];
    String account = args[3];
    Instant from = Instant.parse(args[4]);
    Instant to = Instant.parse(args[5]);
    Duration tick = Duration.parse(args[6]);
    Path progress = dir.resolve("progress");
    Instant start =
        Files.exists(progress)
            ? Instant.parse(Files.readString(progress).strip()).plus(tick)
            : from;
    SettableClock clock = new SettableClock(start, ZoneOffset.UTC);
    try (Store store = Store.open(StoreSettings.embedded(dir), clock).start()) {
      ConnectionSettings ns =
          new ConnectionSettings(
              "netsuite",
              NetSuiteConnector.ID,
              Map.of("account", account, "baseUrl", netsuiteUrl, "auth", "tba", "timeZone", "UTC"),
              Map.of(
                  "consumerKey",
                  Secret.of(CONSUMER_KEY),
                  "consumerSecret",
                  CONSUMER_SECRET,
                  "tokenId",
                  Secret.of(TOKEN_ID),
                  "tokenSecret",
                  TOKEN_SECRET));
      Connection netsuite =
          new NetSuiteConnector()
              .open(
                  new ConnectionContext(
                      ns,
                      // the host's clock is the real one (OAuth timestamps), as in
                      // `dunhub dunning simulate`; only the dunning engine's clock is simulated
                      java.time.Clock.systemUTC(),
                      new InMemoryTokenStore(),
                      HttpClientFactory.processClient()));
      Connection notes = new NoteWriteBacks(netsuite);
      DunningSettings settings =
          new DunningSettings(
              null,
              null,
              Brand.plain("Crash Test Supplies"),
              "https://hub.example",
              new SmtpSettings(
                  "127.0.0.1",
                  smtpPort,
                  SmtpSettings.Security.NONE,
                  null,
                  null,
                  "ar@crash.example",
                  "Crash Test Supplies",
                  null,
                  Duration.ofSeconds(10)),
              null,
              null,
              RetryPolicy.DEFAULT);
      DunningRuntime rt =
          DunningWiring.build(
              store,
              clock,
              clock::set,
              settings,
              name -> "netsuite".equals(name) ? notes : null,
              HttpClientFactory.processClient(),
              () -> {},
              "hub-" + ProcessHandle.current().pid());
      System.out.println("ready " + start);
      System.out.flush();
      for (Instant t = start; t.isBefore(to); t = t.plus(tick)) {
        clock.set(t);
        rt.sweep().run(100);
        rt.relay().drain(20);
        Path next = dir.resolve("progress.tmp");
        Files.writeString(next, t.toString(), StandardCharsets.UTF_8);
        Files.move(next, progress, StandardCopyOption.ATOMIC_MOVE);
      }
      System.out.println("done");
      System.out.flush();
    }
  }

  /**
   * The hub's write-backs of activities as NetSuite notes: the canonical activity's subject, text,
   * date and host ids become a note's fields, written by the NetSuite connector's own sink with the
   * outbox row's idempotency key (its {@code PUT …/eid:} upsert).
   */
  static final class NoteWriteBacks implements Connection {
    private final Connection netsuite;

    NoteWriteBacks(Connection netsuite) {
      this.netsuite = netsuite;
    }

    @Override
    public String name() {
      return netsuite.name();
    }

    @Override
    public SourceStream source(String stream) {
      return netsuite.source(stream);
    }

    @Override
    public RecordSink sink(String hostObject) {
      RecordSink notes = netsuite.sink("note");
      return request -> {
        JsonNode a = request.payload();
        ObjectNode note = CanonicalReader.mapper().createObjectNode();
        note.put("title", a.path("subject").asText("Dunning activity"));
        note.put("note", a.path("content").asText(""));
        note.put("noteDate", a.path("at").asText("").replaceFirst("T.*", ""));
        if (a.hasNonNull("invoiceHostId")) {
          note.putObject("transaction").put("id", a.get("invoiceHostId").asText());
        }
        if (a.hasNonNull("partyHostId")) {
          note.putObject("entity").put("id", a.get("partyHostId").asText());
        }
        return notes.write(new WriteRequest(request.idempotencyKey(), "note", null, note, null));
      };
    }
  }
}
