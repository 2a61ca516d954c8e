package io.dunhub.core.http;

import java.util.Set;
import okhttp3.Request;

/**
 * What the plumbing should know about one request, attached as its tag:
 *
 * <ul>
 *   <li>{@code retryable} ({@link #markRetryable()}): safe to send again although its method is not
 *       idempotent, because the host deduplicates it (a QuickBooks {@code requestid}, a Salesforce
 *       upsert on an external id, an {@code Idempotency-Key} header). GET, HEAD, OPTIONS, PUT and
 *       DELETE are retried without it.
 *   <li>{@code subject}: what the request is about ({@code Invoice 1042}), named in errors.
 *   <li>{@code passThrough}: statuses the caller handles itself (a 404 that means "absent"), which
 *       the error mapping lets through as responses.
 * </ul>
 */
public record CallOptions(boolean retryable, String subject, Set<Integer> passThrough) {

  private static final CallOptions NONE = new CallOptions(false, null, Set.of());

  public CallOptions {
    passThrough = Set.copyOf(passThrough);
  }

  public static CallOptions none() {
    return NONE;
  }

  /** The options a request carries, or {@link #none()}. */
  public static CallOptions of(Request request) {
    CallOptions options = request.tag(CallOptions.class);
    return options == null ? NONE : options;
  }

  public CallOptions markRetryable() {
    return new CallOptions(true, subject, passThrough);
  }

  public CallOptions about(String newSubject) {
    return new CallOptions(retryable, newSubject, passThrough);
  }

  public CallOptions passing(Integer... statuses) {
    return new CallOptions(retryable, subject, Set.of(statuses));
  }

  /** Tags {@code builder} with these options. */
  public Request.Builder applyTo(Request.Builder builder) {
    return builder.tag(CallOptions.class, this);
  }

  /** Whether the plumbing may send {@code request} again after a failure. */
  public static boolean safeToRetry(Request request) {
    return switch (request.method()) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
      default -> of(request).retryable();
    };
  }
}
