package io.dunhub.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again after a retryable failure (408, 425, 429, 5xx but 501/505; a timeout, a
 * reset or refused connection), by the {@link RetryPolicy}, waiting at least the host's {@code
 * Retry-After}. Only requests that are {@linkplain CallOptions#safeToRetry safe to send twice} are
 * retried. When the budget runs out the last response (or exception) goes up unchanged, for the
 * error mapping to turn into a {@code RetryableException}.
 */
public final class RetryInterceptor implements Interceptor {

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  public RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean safe = CallOptions.safeToRetry(request);
    Instant start = clock.instant();
    int attempts = 0;
    while (true) {
      attempts++;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (!safe || !retryable(e, chain)) {
          throw e;
        }
        Optional<Duration> delay = policy.delayBeforeRetry(attempts, elapsed(start), null);
        if (delay.isEmpty()) {
          throw e;
        }
        sleep(delay.get());
        continue;
      }
      if (!safe || !HttpErrorMapper.retryableStatus(response.code())) {
        return response;
      }
      Duration retryAfter = RetryAfter.of(response, clock).orElse(null);
      Optional<Duration> delay = policy.delayBeforeRetry(attempts, elapsed(start), retryAfter);
      if (delay.isEmpty()) {
        return response;
      }
      response.close();
      sleep(delay.get());
    }
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, clock.instant());
  }

  private static boolean retryable(IOException e, Chain chain) {
    if (chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
      return false;
    }
    return e instanceof InterruptedIOException
        || e instanceof SocketException
        || e instanceof EOFException
        || e.getClass().getSimpleName().equals("StreamResetException")
        || String.valueOf(e.getMessage()).contains("unexpected end of stream");
  }

  private void sleep(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
