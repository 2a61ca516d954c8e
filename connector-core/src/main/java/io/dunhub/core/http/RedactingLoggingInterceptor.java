package io.dunhub.core.http;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per attempt: connection, method, URL with secret query parameters masked, status
 * and duration. Never a header (so never {@code Authorization} or {@code Cookie}) and never a body.
 * Successes at DEBUG, failures at WARN, on logger {@code io.dunhub.core.http.HostCalls}; a status
 * the caller {@linkplain CallOptions#passThrough() handles itself} (a 404 that means "absent") is
 * no failure and logs at DEBUG.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger("io.dunhub.core.http.HostCalls");

  private final String connection;
  private final Clock clock;
  private final Set<String> secretParams;

  /**
   * @param secretParams query parameters to mask besides {@link Redaction#SECRET_PARAMS}
   */
  public RedactingLoggingInterceptor(String connection, Clock clock, Set<String> secretParams) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secretParams = Set.copyOf(secretParams);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = clock.millis();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      if (LOG.isWarnEnabled()) {
        LOG.warn(
            "{} {} {} failed after {} ms: {}",
            connection,
            request.method(),
            Redaction.maskQuery(request.url(), secretParams),
            clock.millis() - start,
            e.getClass().getSimpleName());
      }
      throw e;
    }
    long took = clock.millis() - start;
    boolean expected = CallOptions.of(request).passThrough().contains(response.code());
    if (response.code() >= 400 && !expected) {
      if (LOG.isWarnEnabled()) {
        LOG.warn(
            "{} {} {} -> {} in {} ms",
            connection,
            request.method(),
            Redaction.maskQuery(request.url(), secretParams),
            response.code(),
            took);
      }
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} {} -> {} in {} ms",
          connection,
          request.method(),
          Redaction.maskQuery(request.url(), secretParams),
          response.code(),
          took);
    }
    return response;
  }
}
