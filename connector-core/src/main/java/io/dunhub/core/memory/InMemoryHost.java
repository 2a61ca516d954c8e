package io.dunhub.core.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful host that lives in memory: objects of any type, each record with a version and a
 * last-modified time, idempotency keys, injected faults and call counts. Used by tests, benchmarks
 * and demos through {@link InMemoryConnector}; hosts are found by name.
 */
public final class InMemoryHost {

  /** A fault the next call will meet. */
  public enum Fault {
    /** A 5xx or timeout: retry later. */
    UNAVAILABLE,
    /** A 429: retry after a while. */
    RATE_LIMITED,
    /** Credentials refused. */
    UNAUTHORIZED,
    /** The host refuses the record for good. */
    REJECTED
  }

  /**
   * A fault waiting for a call.
   *
   * @param hostMessage the host's message, for {@link Fault#REJECTED}
   * @param retryAfter what the host asks for, for {@link Fault#RATE_LIMITED}
   */
  public record Injected(Fault fault, String hostMessage, java.time.Duration retryAfter) {}

  /** One stored record. */
  public record Row(
      String hostId, long version, Instant lastModified, boolean deleted, ObjectNode fields) {}

  private static final Map<String, InMemoryHost> HOSTS = new ConcurrentHashMap<>();

  private final String name;
  private final Clock clock;
  private final Map<String, Map<String, Row>> objects = new ConcurrentHashMap<>();
  private final Map<String, java.util.NavigableMap<Row, Row>> order = new ConcurrentHashMap<>();
  private final Map<String, String> appliedKeys = new ConcurrentHashMap<>();
  private final Deque<Injected> faults = new ArrayDeque<>();
  private final Map<String, AtomicLong> calls = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong tokenRefreshes = new AtomicLong();
  private String accessToken;
  private String refreshToken;
  private long tokenSerial;

  private InMemoryHost(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** Creates (or replaces) the host with this name. */
  public static InMemoryHost create(String name, Clock clock) {
    InMemoryHost host = new InMemoryHost(name, clock);
    HOSTS.put(name, host);
    return host;
  }

  public static Optional<InMemoryHost> find(String name) {
    return Optional.ofNullable(HOSTS.get(name));
  }

  public static void remove(String name) {
    HOSTS.remove(name);
  }

  public String name() {
    return name;
  }

  public Clock clock() {
    return clock;
  }

  /** Creates or replaces a record as a person in the host would, bumping its version. */
  public Row put(String object, String hostId, ObjectNode fields) {
    return put(object, hostId, fields, clock.instant());
  }

  /** Creates or replaces a record, last modified at {@code lastModified}. */
  public synchronized Row put(
      String object, String hostId, ObjectNode fields, Instant lastModified) {
    Row old = table(object).get(hostId);
    Row row =
        new Row(
            hostId, old == null ? 1 : old.version() + 1, lastModified, false, fields.deepCopy());
    store(object, old, row);
    return row;
  }

  /** Changes some fields of a record, as a person in the host would. */
  public Row edit(String object, String hostId, ObjectNode changes) {
    return edit(object, hostId, changes, clock.instant());
  }

  /** Changes some fields of a record, last modified at {@code lastModified}. */
  public synchronized Row edit(
      String object, String hostId, ObjectNode changes, Instant lastModified) {
    Row old =
        get(object, hostId)
            .orElseThrow(() -> new IllegalArgumentException("no " + object + " " + hostId));
    ObjectNode merged = old.fields().deepCopy();
    merged.setAll(changes);
    return put(object, hostId, merged, lastModified);
  }

  /** Marks a record deleted (it stays visible to incremental reads as a delete). */
  public synchronized void delete(String object, String hostId) {
    Row old =
        get(object, hostId)
            .orElseThrow(() -> new IllegalArgumentException("no " + object + " " + hostId));
    store(object, old, new Row(hostId, old.version() + 1, clock.instant(), true, old.fields()));
  }

  public Optional<Row> get(String object, String hostId) {
    return Optional.ofNullable(table(object).get(hostId));
  }

  public List<Row> all(String object) {
    List<Row> rows = new ArrayList<>(table(object).values());
    rows.sort(Comparator.comparing(Row::hostId));
    return rows;
  }

  public String newId(String object) {
    return object.toLowerCase(java.util.Locale.ROOT) + "-" + ids.incrementAndGet();
  }

  /** The next calls meet these faults, one each, in order. */
  public synchronized void inject(Fault... next) {
    for (Fault fault : next) {
      faults.add(
          new Injected(
              fault,
              fault == Fault.REJECTED ? "record rejected by host (injected)" : null,
              fault == Fault.RATE_LIMITED ? java.time.Duration.ofSeconds(1) : null));
    }
  }

  /** The next call is rate limited and asked to wait {@code retryAfter}. */
  public synchronized void injectRateLimit(java.time.Duration retryAfter) {
    faults.add(new Injected(Fault.RATE_LIMITED, null, retryAfter));
  }

  /** The next call is refused for good with the host's {@code message}. */
  public synchronized void injectRejection(String message) {
    faults.add(new Injected(Fault.REJECTED, message, null));
  }

  synchronized Injected nextFault() {
    return faults.pollFirst();
  }

  void count(String call) {
    calls.computeIfAbsent(call, k -> new AtomicLong()).incrementAndGet();
  }

  /** How many calls of a kind ({@code read:Invoice}, {@code write:Task}) the host has served. */
  public long calls(String call) {
    AtomicLong n = calls.get(call);
    return n == null ? 0 : n.get();
  }

  /**
   * Turns on OAuth for this host and issues the first token: from now on a connection must present
   * the current access token (see {@link InMemoryConnector}'s {@code oauth} setting). Refresh
   * tokens rotate on every refresh, as QuickBooks does.
   */
  public synchronized OAuthToken issueToken() {
    tokenSerial++;
    accessToken = name + "-access-" + tokenSerial;
    refreshToken = name + "-refresh-" + tokenSerial;
    return new OAuthToken(
        Secret.of(accessToken),
        Secret.of(refreshToken),
        clock.instant().plus(java.time.Duration.ofHours(1)));
  }

  /** The host stops accepting the access token in use, as when it expires on the host's side. */
  public synchronized void expireAccessToken() {
    accessToken = null;
  }

  /** The token endpoint: a new token for the current refresh token, refused for any other. */
  synchronized OAuthToken refresh(OAuthToken current) {
    if (refreshToken == null
        || current.refreshToken() == null
        || !refreshToken.equals(current.refreshToken().reveal())) {
      throw new AuthenticationException(
          name + ": the in-memory host refused the refresh token (invalid_grant)",
          "invalid_grant",
          null);
    }
    tokenRefreshes.incrementAndGet();
    return issueToken();
  }

  /** Whether a call carrying {@code token} is let in (always, when OAuth is off). */
  synchronized boolean accepts(OAuthToken token) {
    if (refreshToken == null) {
      return true;
    }
    return token != null && accessToken != null && accessToken.equals(token.accessToken().reveal());
  }

  /** Refresh grants the token endpoint has served. */
  public long tokenRefreshes() {
    return tokenRefreshes.get();
  }

  /** Every read and write call the host has served (checks excluded). */
  public long dataCalls() {
    long n = 0;
    for (Map.Entry<String, AtomicLong> e : calls.entrySet()) {
      if (e.getKey().startsWith("read:") || e.getKey().startsWith("write:")) {
        n += e.getValue().get();
      }
    }
    return n;
  }

  public Map<String, Long> callCounts() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    calls.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private synchronized void store(String object, Row old, Row row) {
    java.util.NavigableMap<Row, Row> index = index(object);
    if (old != null) {
      index.remove(old);
    }
    index.put(row, row);
    table(object).put(row.hostId(), row);
  }

  /** Rows ordered by (last modified, host id): the order incremental reads follow. */
  java.util.NavigableMap<Row, Row> index(String object) {
    return order.computeIfAbsent(
        object,
        k ->
            new java.util.concurrent.ConcurrentSkipListMap<>(
                Comparator.comparing(Row::lastModified).thenComparing(Row::hostId)));
  }

  Map<String, Row> table(String object) {
    return objects.computeIfAbsent(object, k -> new ConcurrentHashMap<>());
  }

  Map<String, String> appliedKeys() {
    return appliedKeys;
  }

  static SourceRecord toSource(String object, Row row) {
    return new SourceRecord(
        object,
        row.hostId(),
        Long.toString(row.version()),
        row.lastModified(),
        row.deleted(),
        row.fields().deepCopy());
  }
}
