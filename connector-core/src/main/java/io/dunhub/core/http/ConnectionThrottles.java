package io.dunhub.core.http;

import io.dunhub.core.connector.RateLimit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The throttles of a process, one per connection name, so every worker that opens the same
 * connection shares one bucket, one concurrency cap and one pause. {@link #shared()} is the
 * process-wide registry; tests make their own.
 */
public final class ConnectionThrottles {

  private static final ConnectionThrottles SHARED = new ConnectionThrottles();

  private final Map<Key, ConnectionThrottle> throttles = new ConcurrentHashMap<>();

  /**
   * A process has one clock; tests have one each, and must not share throttles. A connection's
   * clients with different limits (its API and its token endpoint) have separate throttles.
   */
  private record Key(String connection, Clock clock, RateLimit limit) {}

  /** The registry of this process. */
  public static ConnectionThrottles shared() {
    return SHARED;
  }

  /**
   * The throttle of {@code connection} with {@code limit} (on {@code clock}), made on first use and
   * shared by every later caller.
   */
  public ConnectionThrottle forConnection(
      String connection, RateLimit limit, Clock clock, Sleeper sleeper) {
    return throttles.computeIfAbsent(
        new Key(connection, clock, limit), key -> new ConnectionThrottle(limit, clock, sleeper));
  }

  /**
   * Records that connection {@code connection}'s clients use the throttle made for {@code key} (a
   * throttle shared by every connection to one host account, such as a NetSuite account's), so its
   * calls are counted for that connection too.
   */
  public void alias(String connection, String key) {
    if (!connection.equals(key)) {
      aliases.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(key);
    }
  }

  /**
   * The names whose throttles count {@code connection}'s calls: its own, and the shared throttles
   * its clients use ({@link #alias}).
   */
  public java.util.Set<String> keysOf(String connection) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    keys.add(connection);
    keys.addAll(aliases.getOrDefault(connection, java.util.Set.of()));
    return keys;
  }

  private final Map<String, java.util.Set<String>> aliases = new ConcurrentHashMap<>();

  /** A throttle in the registry, with the connection name and limit it was made for. */
  public record Registered(String connection, RateLimit limit, ConnectionThrottle throttle) {}

  /**
   * Every throttle made so far, for metrics (calls per connection, how much of each limit is in
   * use). A snapshot: throttles made later are not in it.
   */
  public List<Registered> all() {
    List<Registered> result = new ArrayList<>();
    throttles.forEach((k, t) -> result.add(new Registered(k.connection(), k.limit(), t)));
    return result;
  }

  /** Forgets a connection's throttle (the connection was removed). */
  public void remove(String connection) {
    throttles.keySet().removeIf(k -> k.connection().equals(connection));
    aliases.remove(connection);
  }
}
