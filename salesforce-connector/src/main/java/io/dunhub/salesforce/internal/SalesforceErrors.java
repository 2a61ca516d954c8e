package io.dunhub.salesforce.internal;

import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.WriteOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * The one place where Force WSC and Salesforce errors become Dunhub's taxonomy: whole-call SOAP
 * faults, transport failures, and per-record save errors.
 */
public final class SalesforceErrors {
  private static final Set<String> AUTHENTICATION =
      Set.of(
          "INVALID_SESSION_ID",
          "INVALID_LOGIN",
          "LOGIN_MUST_USE_SECURITY_TOKEN",
          "PASSWORD_LOCKOUT",
          "INVALID_OPERATION_WITH_EXPIRED_PASSWORD",
          "LOGIN_DURING_RESTRICTED_DOMAIN",
          "INACTIVE_OWNER_OR_USER");
  private static final Set<String> RETRYABLE =
      Set.of(
          "REQUEST_LIMIT_EXCEEDED",
          "SERVER_UNAVAILABLE",
          "UNABLE_TO_LOCK_ROW",
          "QUERY_TIMEOUT",
          "UNKNOWN_EXCEPTION",
          "EXCEEDED_MAX_SEMIJOIN_SUBSELECTS");
  private static final Set<String> CONFIGURATION =
      Set.of(
          "INVALID_FIELD",
          "INVALID_TYPE",
          "MALFORMED_QUERY",
          "INVALID_SOBJECT",
          "INSUFFICIENT_ACCESS",
          "API_DISABLED_FOR_ORG",
          "API_CURRENTLY_DISABLED",
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "INVALID_OPERATION",
          "NO_SOFTPHONE_LAYOUT");

  /** How long to wait when the org's concurrent-request limit refuses a call. */
  static final Duration CONCURRENCY_BACKOFF = Duration.ofSeconds(10);

  /** How long to wait when the org's daily allowance is spent. */
  static final Duration DAILY_LIMIT_BACKOFF = Duration.ofHours(1);

  private SalesforceErrors() {}

  /** The exception code of a SOAP fault ({@code INVALID_SESSION_ID}), or null. */
  public static String code(Throwable e) {
    if (e instanceof ApiFault fault && fault.getExceptionCode() != null) {
      return fault.getExceptionCode().toString();
    }
    if (e instanceof SoapFaultException fault && fault.getFaultCode() != null) {
      return fault.getFaultCode().getLocalPart();
    }
    return null;
  }

  /** The host's own text for a fault ({@code ApiFault.getMessage()} is null in WSC). */
  public static String hostMessage(Throwable e) {
    if (e instanceof ApiFault fault) {
      return fault.getExceptionCode() + ": " + fault.getExceptionMessage();
    }
    return e.getMessage();
  }

  /** Maps a failed call; {@code where} names the connection, object and operation. */
  public static ConnectorException map(String where, Throwable e) {
    if (e instanceof ConnectorException mapped) {
      return mapped;
    }
    String code = code(e);
    String host = hostMessage(e);
    if (code != null) {
      String message = where + " failed: " + host;
      if (code.equals("INVALID_SESSION_ID")) {
        return new AuthenticationException(
            message + ". Salesforce refused a freshly issued session: re-authorize the app.",
            host,
            e);
      }
      if (AUTHENTICATION.contains(code)) {
        return new AuthenticationException(
            message + ". Check the integration user's credentials.", host, e);
      }
      if (RETRYABLE.contains(code)) {
        Duration after = null;
        if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
          after =
              host != null && host.contains("TotalRequests")
                  ? DAILY_LIMIT_BACKOFF
                  : CONCURRENCY_BACKOFF;
        }
        return new RetryableException(message, host, after, e);
      }
      if (CONFIGURATION.contains(code)) {
        return new ConfigurationException(
            message + " (check the mapping's object and field names and the user's permissions)",
            e);
      }
      return new PermanentException(message, host, e);
    }
    if (e instanceof ConnectionException && hasIoCause(e) || e instanceof IOException) {
      return new RetryableException(where + " failed: cannot reach Salesforce (" + e + ")", e);
    }
    return new PermanentException(where + " failed: " + e, String.valueOf(e.getMessage()), e);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The outcome of one record's save errors. */
  public static WriteOutcome outcome(String where, com.sforce.soap.partner.Error[] errors) {
    StringBuilder reason = new StringBuilder(where).append(": ");
    boolean retry = false;
    for (int i = 0; i < errors.length; i++) {
      com.sforce.soap.partner.Error error = errors[i];
      StatusCode status = error.getStatusCode();
      String code = status == null ? "UNKNOWN" : status.toString();
      if (i > 0) {
        reason.append("; ");
      }
      reason.append(code).append(": ").append(error.getMessage());
      if (error.getFields() != null && error.getFields().length > 0) {
        reason.append(" [").append(String.join(", ", error.getFields())).append(']');
      }
      retry |= RETRYABLE.contains(code);
    }
    return retry
        ? new WriteOutcome.Retryable(reason.toString(), null)
        : new WriteOutcome.Permanent(reason.toString());
  }

  /** A whole-call failure as the outcome of every record in the call. */
  public static WriteOutcome outcome(ConnectorException e) {
    if (e instanceof RetryableException r) {
      return new WriteOutcome.Retryable(r.getMessage(), r.retryAfter());
    }
    if (e instanceof AuthenticationException) {
      throw e;
    }
    return new WriteOutcome.Permanent(e.getMessage());
  }
}
