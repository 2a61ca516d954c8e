package io.dunhub.core.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.core.http.Retrier;
import io.dunhub.core.http.RetryPolicy;
import io.dunhub.core.http.Sleeper;
import io.dunhub.core.model.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector to an {@link InMemoryHost}: the reference implementation of the SPI, used by the
 * hub's tests, the sync benchmark and demos. Host objects are named after the canonical entities
 * ({@code Party}, {@code Contact}, {@code Invoice}, {@code Payment}, {@code Activity}) and their
 * fields carry canonical names.
 *
 * <p>Calls behave as an HTTP connector's do through the shared plumbing: retryable faults are
 * retried with backoff (waiting at least a rate limit's retry-after, which pauses the connection),
 * and with {@code oauth} on each call carries the connection's token from the {@link
 * io.dunhub.core.auth.TokenStore}, refreshed once on a refusal.
 *
 * <p>Settings: {@code host} (the name of the in-memory host); {@code oauth} (true to require the
 * token the host issued with {@link InMemoryHost#issueToken()}, stored for the connection).
 */
public final class InMemoryConnector implements HostConnector {

  public static final String ID = "memory";

  private static final ConfigSpec SPEC =
      new ConfigSpec()
          .define("host", ConfigSpec.Type.STRING, true, "name of the in-memory host")
          .define(
              "oauth",
              ConfigSpec.Type.BOOLEAN,
              false,
              "false",
              "whether calls carry the connection's OAuth token (refreshed on refusal)");

  private static final Capabilities CAPABILITIES =
      new Capabilities(
          List.of(
              new StreamSpec("Party", EntityType.PARTY),
              new StreamSpec("Contact", EntityType.CONTACT),
              new StreamSpec("Invoice", EntityType.INVOICE),
              new StreamSpec("Payment", EntityType.PAYMENT)),
          List.of(
              new SinkSpec("Party", EntityType.PARTY, 200),
              new SinkSpec("Contact", EntityType.CONTACT, 200),
              new SinkSpec("Invoice", EntityType.INVOICE, 200),
              new SinkSpec("Payment", EntityType.PAYMENT, 200),
              new SinkSpec("Activity", EntityType.ACTIVITY, 200)),
          10_000,
          RateLimit.unlimited());

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    return SPEC.validate(settings);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    try {
      host(context.settings()).count("check");
      return CheckResult.ok("in-memory host " + context.settings().require("host") + " is there");
    } catch (ConfigurationException e) {
      return CheckResult.of(e);
    }
  }

  @Override
  public Connection open(ConnectionContext context) {
    InMemoryHost host = host(context.settings());
    String name = context.settings().connection();
    Sleeper sleeper = Sleeper.forClock(context.clock());
    Retrier retrier =
        new Retrier(
            RetryPolicy.defaults(),
            ConnectionThrottles.shared()
                .forConnection(name, CAPABILITIES.rateLimit(), context.clock(), sleeper),
            context.clock(),
            sleeper);
    SignedCalls signed =
        new SignedCalls(
            context.settings().getBoolean("oauth", false)
                ? new SingleFlightTokenRefresher(
                    name, context.tokens(), host::refresh, context.clock(), Duration.ofMinutes(1))
                : null);
    return new Connection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SourceStream source(String stream) {
        if (CAPABILITIES.stream(stream).isEmpty()) {
          throw new ConfigurationException(name + ": the in-memory host has no stream " + stream);
        }
        return (watermark, limit) ->
            retrier.call(
                () -> signed.call(token -> readPage(host, token, name, stream, watermark, limit)));
      }

      @Override
      public RecordSink sink(String hostObject) {
        if (CAPABILITIES.sink(hostObject).isEmpty()) {
          throw new ConfigurationException(
              name + ": the in-memory host cannot write " + hostObject);
        }
        return request -> {
          try {
            return retrier.call(() -> signed.call(token -> write(host, token, name, request)));
          } catch (RetryableException e) {
            return new WriteOutcome.Retryable(e.getMessage(), e.retryAfter());
          }
        };
      }
    };
  }

  private static InMemoryHost host(ConnectionSettings settings) {
    String hostName = settings.require("host");
    return InMemoryHost.find(hostName)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    settings.connection() + ": no in-memory host named " + hostName));
  }

  private static Page readPage(
      InMemoryHost host,
      OAuthToken token,
      String connection,
      String object,
      Watermark watermark,
      int limit) {
    host.count("read:" + object);
    authenticate(host, token, connection + ": read " + object);
    InMemoryHost.Injected fault = host.nextFault();
    if (fault != null) {
      throw asException(fault, connection + ": read " + object);
    }
    Position after = watermark == null ? null : Position.parse(watermark.value());
    java.util.NavigableMap<InMemoryHost.Row, InMemoryHost.Row> index = host.index(object);
    java.util.Collection<InMemoryHost.Row> candidates =
        after == null ? index.values() : index.tailMap(after.probe(), false).values();
    List<InMemoryHost.Row> rows = new ArrayList<>(Math.min(limit + 1, 1024));
    for (InMemoryHost.Row row : candidates) {
      rows.add(row);
      if (rows.size() > limit) {
        break;
      }
    }
    boolean hasMore = rows.size() > limit;
    List<SourceRecord> page = new ArrayList<>(Math.min(limit, rows.size()));
    for (InMemoryHost.Row row : rows.subList(0, Math.min(limit, rows.size()))) {
      page.add(InMemoryHost.toSource(object, row));
    }
    Watermark next =
        page.isEmpty()
            ? (watermark == null ? new Watermark("") : watermark)
            : new Position(
                    page.get(page.size() - 1).lastModified(), page.get(page.size() - 1).hostId())
                .toWatermark();
    return new Page(page, next, hasMore);
  }

  /**
   * One write call. Retryable faults are thrown (the retrier retries them); a rejection is a {@link
   * WriteOutcome.Permanent} naming the record and carrying the host's message.
   */
  private static WriteOutcome write(
      InMemoryHost host, OAuthToken token, String connection, WriteRequest request) {
    host.count("write:" + request.hostObject());
    String what =
        connection
            + ": write "
            + request.hostObject()
            + (request.hostId() == null ? "" : " " + request.hostId())
            + " (key "
            + request.idempotencyKey()
            + ")";
    authenticate(host, token, what);
    InMemoryHost.Injected fault = host.nextFault();
    if (fault != null) {
      if (fault.fault() == InMemoryHost.Fault.REJECTED) {
        return new WriteOutcome.Permanent(what + ": " + fault.hostMessage());
      }
      throw asException(fault, what);
    }
    synchronized (host) {
      String done = host.appliedKeys().get(request.idempotencyKey());
      if (done != null) {
        return new WriteOutcome.AlreadyApplied(done);
      }
      String hostId = request.hostId();
      ObjectNode fields;
      if (hostId == null) {
        hostId = host.newId(request.hostObject());
        fields = request.payload().deepCopy();
      } else {
        InMemoryHost.Row old = host.get(request.hostObject(), hostId).orElse(null);
        if (old == null) {
          return new WriteOutcome.Permanent(
              request.hostObject() + " " + hostId + " does not exist");
        }
        if (request.expectedVersion() != null
            && !request.expectedVersion().equals(Long.toString(old.version()))) {
          return new WriteOutcome.Retryable(
              request.hostObject()
                  + " "
                  + hostId
                  + " changed since version "
                  + request.expectedVersion(),
              null);
        }
        fields = old.fields().deepCopy();
        fields.setAll(request.payload());
      }
      InMemoryHost.Row row = host.put(request.hostObject(), hostId, fields);
      host.appliedKeys().put(request.idempotencyKey(), hostId);
      return new WriteOutcome.Applied(hostId, Long.toString(row.version()));
    }
  }

  private static void authenticate(InMemoryHost host, OAuthToken token, String what) {
    if (!host.accepts(token)) {
      throw new SignedCalls.TokenRefused(what + ": 401 the access token was refused");
    }
  }

  private static RuntimeException asException(InMemoryHost.Injected fault, String what) {
    return switch (fault.fault()) {
      case UNAVAILABLE ->
          new RetryableException(
              what + ": host unavailable (injected)", "503 Service Unavailable", null, null);
      case RATE_LIMITED ->
          new RetryableException(
              what + ": rate limited (injected)",
              "429 Too Many Requests",
              fault.retryAfter(),
              null);
      case UNAUTHORIZED ->
          new AuthenticationException(
              what + ": credentials refused (injected)", "401 Unauthorized", null);
      case REJECTED ->
          new PermanentException(what + ": " + fault.hostMessage(), fault.hostMessage(), null);
    };
  }

  /** A position in a stream: the last record's modification time and id. */
  private record Position(Instant at, String hostId) {
    static Position parse(String value) {
      if (value.isEmpty()) {
        return null;
      }
      int bar = value.indexOf('|');
      if (bar < 0) {
        throw new ConfigurationException("not an in-memory watermark: " + value);
      }
      return new Position(Instant.parse(value.substring(0, bar)), value.substring(bar + 1));
    }

    /** A key that sorts exactly where the last read record sorted. */
    InMemoryHost.Row probe() {
      return new InMemoryHost.Row(hostId, 0, at, false, null);
    }

    Watermark toWatermark() {
      return new Watermark(at + "|" + hostId);
    }
  }
}
