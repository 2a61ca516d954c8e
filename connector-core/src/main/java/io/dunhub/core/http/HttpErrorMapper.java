package io.dunhub.core.http;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place an HTTP failure becomes an exception of the taxonomy. By status: 401 is {@link
 * AuthenticationException}; 408, 425, 429 and 5xx (but 501 and 505) are {@link RetryableException}
 * (with the host's {@code Retry-After}); other 4xx are {@link PermanentException}; 501 and 505 are
 * {@link ConfigurationException}. The connector's {@link HostErrorExtractor} supplies the host's
 * message and may override the kind. I/O failures are retryable, except an unknown host or a
 * certificate problem, which are configuration.
 *
 * <p>Messages name the connection, the method, the URL without its query, and the request's
 * {@linkplain CallOptions#subject() subject}; never a header, a query or a body we sent.
 */
public final class HttpErrorMapper {

  private static final long MAX_BODY = 16 * 1024;

  private final String connection;
  private final HostErrorExtractor extractor;
  private final Clock clock;

  public HttpErrorMapper(String connection, HostErrorExtractor extractor, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether a status is a failure a later attempt may not meet. */
  public static boolean retryableStatus(int code) {
    return code == 408 || code == 425 || code == 429 || (code >= 500 && code != 501 && code != 505);
  }

  /** The exception for a failed response. Reads (a bounded copy of) the body, does not close it. */
  public ConnectorException map(Response response) {
    String body = peek(response);
    HostError error;
    try {
      error = extractor.extract(response, body);
    } catch (RuntimeException e) {
      error = HostError.none();
    }
    if (error == null) {
      error = HostError.none();
    }
    int code = response.code();
    ErrorKind kind = error.kind() != null ? error.kind() : kindOf(code);
    String host = error.message();
    String message =
        where(response.request())
            + " failed with "
            + code
            + (error.code() == null ? "" : " " + error.code())
            + (host == null ? "" : ": " + host);
    return switch (kind) {
      case RETRYABLE ->
          new RetryableException(message, host, RetryAfter.of(response, clock).orElse(null), null);
      case AUTHENTICATION ->
          new AuthenticationException(
              message + " (the credentials were refused; reconnect " + connection + ")",
              host,
              null);
      case PERMANENT -> new PermanentException(message, host, null);
      case CONFIGURATION -> new ConfigurationException(message);
    };
  }

  /** The exception for a call that failed without a response. */
  public ConnectorException map(IOException e, Request request) {
    String what = where(request);
    if (e instanceof UnknownHostException) {
      return new ConfigurationException(
          what + " failed: unknown host " + request.url().host() + " (check the URL setting)", e);
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
      return new ConfigurationException(
          what + " failed: the TLS certificate of " + request.url().host() + " was refused", e);
    }
    String reason =
        e instanceof InterruptedIOException
            ? "timed out"
            : "failed (" + e.getClass().getSimpleName() + ")";
    return new RetryableException(what + " " + reason, e);
  }

  private static ErrorKind kindOf(int code) {
    if (code == 401) {
      return ErrorKind.AUTHENTICATION;
    }
    if (retryableStatus(code)) {
      return ErrorKind.RETRYABLE;
    }
    if (code == 501 || code == 505) {
      return ErrorKind.CONFIGURATION;
    }
    return ErrorKind.PERMANENT;
  }

  private String where(Request request) {
    String subject = CallOptions.of(request).subject();
    return connection
        + ": "
        + (subject == null ? "" : subject + ": ")
        + request.method()
        + " "
        + Redaction.withoutQuery(request.url());
  }

  private static String peek(Response response) {
    try {
      return response.peekBody(MAX_BODY).string();
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }
}
