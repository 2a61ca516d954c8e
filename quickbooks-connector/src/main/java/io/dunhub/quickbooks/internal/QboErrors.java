package io.dunhub.quickbooks.internal;

import com.intuit.ipp.data.Error;
import com.intuit.ipp.exception.FMSException;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where QuickBooks SDK and HTTP failures become the hub's exception taxonomy. Every
 * message names the connection and what was being done; the host's own text travels as {@link
 * ConnectorException#hostMessage()}.
 */
public final class QboErrors {

  /** QBO error code for a stale {@code SyncToken}. */
  public static final String STALE_OBJECT = "5010";

  private static final String THROTTLED = "3001";
  private static final Set<String> AUTH_CODES = Set.of("100", "3100", "3200", "3202", "3201");
  private static final Set<String> CONFIG_CODES = Set.of("4001", "4000");

  private final String connection;
  private final Duration throttleBackoff;

  public QboErrors(String connection, Duration throttleBackoff) {
    this.connection = connection;
    this.throttleBackoff = throttleBackoff;
  }

  /** The first error code in an SDK exception, or null. */
  public static String code(FMSException e) {
    List<Error> errors = e.getErrorList();
    return errors == null || errors.isEmpty() ? null : errors.get(0).getCode();
  }

  /** Maps a failed SDK call. */
  public ConnectorException map(String what, FMSException e) {
    String code = code(e);
    String host = hostMessage(e);
    String where = connection + ": " + what;
    if (e instanceof com.intuit.ipp.exception.AuthenticationException
        || (code != null && AUTH_CODES.contains(code))) {
      return reconnect(where, host, e);
    }
    if (THROTTLED.equals(code) || host.contains("ThrottleExceeded")) {
      return new RetryableException(
          where
              + " was throttled by QuickBooks (429, code 3001); backing off for "
              + throttleBackoff.toSeconds()
              + " s",
          host,
          throttleBackoff,
          e);
    }
    if (STALE_OBJECT.equals(code)) {
      // not retried as is: the writer re-reads the record and reapplies on the new SyncToken
      return new PermanentException(
          where + " lost a race: the record changed in QuickBooks meanwhile (5010 stale object)",
          host,
          e);
    }
    if (code != null && CONFIG_CODES.contains(code)) {
      return new ConfigurationException(where + " was refused as invalid: " + host, e);
    }
    if (code != null && !code.equals("10000")) {
      return new PermanentException(where + " was refused by QuickBooks: " + host, host, e);
    }
    if (unreadable(e)) {
      return new RetryableException(
          where + " got a reply from QuickBooks the SDK could not read: " + rootMessage(e),
          host,
          null,
          e);
    }
    if (isNetwork(e)) {
      return new RetryableException(
          where + " could not reach QuickBooks: " + rootMessage(e), host, null, e);
    }
    return new RetryableException(where + " failed on the QuickBooks side: " + host, host, null, e);
  }

  /** A reply the SDK could not turn into an entity (a 5xx without {@code Fault}, no body). */
  public RetryableException emptyReply(String what) {
    return new RetryableException(
        connection
            + ": "
            + what
            + " got no usable reply from QuickBooks (a server error without"
            + " a Fault body)",
        null,
        null,
        null);
  }

  /** The connection's authorization is gone: a person must reconnect. */
  public AuthenticationException reconnect(String where, String host, Throwable cause) {
    return new AuthenticationException(
        where
            + ": QuickBooks no longer accepts this app's authorization for realm (revoked,"
            + " disconnected or expired). Reconnect QuickBooks for this connection.",
        host,
        cause);
  }

  /** Maps a runtime failure of the SDK (its HTTP client throws unchecked exceptions too). */
  public ConnectorException map(String what, RuntimeException e) {
    if (e instanceof ConnectorException ce) {
      return ce;
    }
    return new RetryableException(
        connection + ": " + what + " failed: " + rootMessage(e), rootMessage(e), null, e);
  }

  static String hostMessage(FMSException e) {
    List<Error> errors = e.getErrorList();
    if (errors == null || errors.isEmpty()) {
      String m = e.getMessage();
      return m == null ? e.getClass().getSimpleName() : abbreviate(m.trim());
    }
    StringBuilder sb = new StringBuilder();
    for (Error error : errors) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(error.getMessage());
      if (error.getDetail() != null && !error.getDetail().isBlank()) {
        sb.append(": ").append(error.getDetail());
      }
      sb.append(" (code ").append(error.getCode()).append(')');
    }
    return sb.toString();
  }

  private static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("timed out") || m.contains("connection");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
