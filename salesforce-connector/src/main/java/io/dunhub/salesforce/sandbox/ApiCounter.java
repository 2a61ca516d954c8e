package io.dunhub.salesforce.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's API accounting: calls against the daily allowance (refused with {@code
 * REQUEST_LIMIT_EXCEEDED} once spent), calls per operation, requests in flight and the most seen at
 * once, and faults queued by tests.
 */
public final class ApiCounter {
  private final AtomicLong used = new AtomicLong();
  private volatile long limit = 15_000;
  private volatile int concurrentLimit = 25;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Map<String, AtomicLong> perOperation = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<Injected> faults = new ConcurrentLinkedDeque<>();
  private final ConcurrentLinkedDeque<String> lostResponses = new ConcurrentLinkedDeque<>();

  private record Injected(String operation, SandboxException fault) {}

  /** Sets the daily allowance ({@code limit}) and how much of it is already used. */
  public void allowance(long used, long limit) {
    this.used.set(used);
    this.limit = limit;
  }

  /** Requests beyond this many at once fail with {@code REQUEST_LIMIT_EXCEEDED}. */
  public void concurrentLimit(int limit) {
    this.concurrentLimit = limit;
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }

  /**
   * Requests per operation ({@code query}, {@code upsert}, ...) since start or {@link #reset},
   * refused ones included.
   */
  public long calls(String operation) {
    AtomicLong n = perOperation.get(operation);
    return n == null ? 0 : n.get();
  }

  /** Every SOAP request served since start or {@link #reset}, refused ones included. */
  public long totalCalls() {
    return perOperation.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  public void reset() {
    perOperation.clear();
    maxInFlight.set(0);
  }

  /**
   * Makes the next call of {@code operation} ({@code *} for any) fail with a SOAP fault, e.g.
   * {@code failNext("upsert", "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access")}.
   */
  public void failNext(String operation, String exceptionCode, String message) {
    faults.add(
        new Injected(
            operation, SandboxException.fault("sf:UnexpectedErrorFault", exceptionCode, message)));
  }

  /**
   * Makes the next call of {@code operation} ({@code *} for any write: {@code create}, {@code
   * update}, {@code upsert}, {@code delete}) take effect in the org, and then drops the connection
   * without an answer, as when a network path fails after Salesforce committed. The caller cannot
   * tell whether its write happened.
   */
  public void loseNextResponse(String operation) {
    lostResponses.add(operation);
  }

  /** Whether the answer to this (applied) call of {@code operation} is to be lost. */
  boolean takeLostResponse(String operation) {
    boolean write =
        operation.equals("create")
            || operation.equals("update")
            || operation.equals("upsert")
            || operation.equals("delete");
    for (String o : lostResponses) {
      if (o.equals(operation) || (o.equals("*") && write)) {
        if (lostResponses.remove(o)) {
          return true;
        }
      }
    }
    return false;
  }

  void injectedFault(String operation) {
    for (Injected i : faults) {
      if (i.operation().equals("*") || i.operation().equals(operation)) {
        if (faults.remove(i)) {
          throw i.fault();
        }
      }
    }
  }

  /** Counts one request served, whatever its outcome. */
  void request(String op) {
    perOperation.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
  }

  /** Charges one call to the daily allowance, or refuses it when the allowance is spent. */
  void charge() {
    if (used.get() >= limit) {
      throw SandboxException.fault(
          "sf:UnexpectedErrorFault", "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
    used.incrementAndGet();
  }

  /** Enters a request; false when it is over the concurrent limit. */
  boolean enter() {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    return now <= concurrentLimit;
  }

  void exit() {
    inFlight.decrementAndGet();
  }
}
