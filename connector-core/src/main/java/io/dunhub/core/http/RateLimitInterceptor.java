package io.dunhub.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Holds each attempt to the connection's {@link ConnectionThrottle}: waits for a token and a
 * concurrency slot, keeps the slot until the response body is closed, and when the host answers 429
 * (or 503) with a {@code Retry-After}, pauses the whole connection for that long.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final ConnectionThrottle throttle;
  private final Clock clock;

  public RateLimitInterceptor(ConnectionThrottle throttle, Clock clock) {
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    ConnectionThrottle.Permit permit;
    try {
      permit = throttle.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate limit");
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException e) {
      permit.close();
      throw e;
    }
    if (response.code() == 429 || response.code() == 503) {
      RetryAfter.of(response, clock).ifPresent(throttle::pause);
      if (response.code() == 429 && response.header("Retry-After") == null) {
        throttle.pause(Duration.ofSeconds(1));
      }
    }
    ResponseBody body = response.body();
    if (body == null) {
      permit.close();
      return response;
    }
    return response.newBuilder().body(new ReleasingBody(body, permit)).build();
  }

  /** A body that gives the concurrency slot back when it is closed or read to the end. */
  private static final class ReleasingBody extends ResponseBody {
    private final ResponseBody delegate;
    private final ConnectionThrottle.Permit permit;
    private final BufferedSource source;

    ReleasingBody(ResponseBody delegate, ConnectionThrottle.Permit permit) {
      this.delegate = delegate;
      this.permit = permit;
      this.source =
          Okio.buffer(
              new ForwardingSource(delegate.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  long n = super.read(sink, byteCount);
                  if (n == -1) {
                    permit.close();
                  }
                  return n;
                }

                @Override
                public void close() throws IOException {
                  try {
                    super.close();
                  } finally {
                    permit.close();
                  }
                }
              });
    }

    @Override
    public okhttp3.MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      try {
        source.close();
      } catch (IOException e) {
        // closing a response body never fails in a way the caller can act on
      } finally {
        permit.close();
      }
    }
  }
}
