package io.dunhub.hub.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code perUser} failed logins for one user name, or {@code
 * perIp} from one client address, within {@code window}, further attempts are refused until the
 * oldest failure leaves the window. Kept in memory (per hub process).
 */
public final class LoginLimiter {

  private final Clock clock;
  private final int perUser;
  private final int perIp;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public LoginLimiter(Clock clock, int perUser, int perIp, Duration window) {
    this.clock = clock;
    this.perUser = perUser;
    this.perIp = perIp;
    this.window = window;
  }

  public static LoginLimiter standard(Clock clock) {
    return new LoginLimiter(clock, 5, 20, Duration.ofMinutes(15));
  }

  /** How long to wait before trying again, when the user or the address is blocked. */
  public synchronized Optional<Duration> blocked(String user, String ip) {
    Instant now = clock.instant();
    Optional<Duration> u = wait("user:" + user, perUser, now);
    Optional<Duration> i = wait("ip:" + ip, perIp, now);
    if (u.isPresent() && i.isPresent()) {
      return Optional.of(u.get().compareTo(i.get()) > 0 ? u.get() : i.get());
    }
    return u.isPresent() ? u : i;
  }

  public synchronized void failed(String user, String ip) {
    Instant now = clock.instant();
    failures.computeIfAbsent("user:" + user, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("ip:" + ip, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful login clears the user's failures (not the address's). */
  public synchronized void succeeded(String user) {
    failures.remove("user:" + user);
  }

  private Optional<Duration> wait(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (times.size() < limit) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, times.peekFirst().plus(window));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }
}
