package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import java.io.IOException;
import java.time.Duration;

/**
 * The one place where NetSuite's HTTP errors become Dunhub's taxonomy. Reads {@code o:errorDetails}
 * ({@code detail}, {@code o:errorCode}, {@code o:errorPath}) and OAuth's {@code error}; the message
 * names the connection and what was being done, the host message keeps NetSuite's own words with
 * the field path.
 */
public final class NetSuiteErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NetSuiteErrors() {}

  /** NetSuite's error, parsed: code, detail with field path, or the raw status line. */
  public record HostError(String code, String detail, String path) {
    /** {@code CODE at field.path: detail}. */
    public String describe() {
      return (code == null ? "" : code)
          + (path == null ? "" : " at " + path)
          + (detail == null ? "" : (code == null && path == null ? "" : ": ") + detail);
    }
  }

  /** Parses an error body; tolerant of bodies that are not NetSuite's. */
  public static HostError parse(int status, String body) {
    try {
      JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (n != null && n.path("o:errorDetails").isArray() && n.path("o:errorDetails").size() > 0) {
        StringBuilder detail = new StringBuilder();
        String code = null;
        String path = null;
        for (JsonNode d : n.path("o:errorDetails")) {
          if (code == null) {
            code = d.path("o:errorCode").asText(null);
            path = d.path("o:errorPath").asText(null);
          }
          if (detail.length() > 0) {
            detail.append(" | ");
          }
          detail.append(d.path("detail").asText(""));
        }
        return new HostError(code, detail.toString(), path);
      }
      if (n != null && n.hasNonNull("error")) {
        return new HostError(
            n.get("error").asText(), n.path("error_description").asText(null), null);
      }
      if (n != null && n.hasNonNull("title")) {
        return new HostError(null, n.get("title").asText(), null);
      }
    } catch (IOException e) {
      // not JSON: fall through to the status line
    }
    return new HostError(null, "HTTP " + status, null);
  }

  /**
   * The exception for a failed call.
   *
   * @param where "connection: what was being done", e.g. {@code "acme: read invoice"}
   * @param retryAfterHeader the {@code Retry-After} header, or null
   */
  public static ConnectorException map(
      int status, String body, String retryAfterHeader, String where) {
    HostError e = parse(status, body);
    String host = e.describe();
    String message = where + ": " + host;
    if (status == 429 || "CONCURRENCY_LIMIT_EXCEEDED".equals(e.code())) {
      return new RetryableException(
          message + " (NetSuite's concurrency limit; lower maxConcurrency if this persists)",
          host,
          retryAfter(retryAfterHeader, Duration.ofSeconds(1)),
          null);
    }
    if (status == 401) {
      return new AuthenticationException(
          where
              + ": NetSuite refused the credentials ("
              + host
              + "); check the integration record, the certificate or token, and the role",
          host,
          null);
    }
    if (status == 403) {
      return new ConfigurationException(
          where
              + ": the integration role lacks a permission ("
              + host
              + "); give it the permission NetSuite names",
          null);
    }
    if (status >= 500 || status == 408) {
      return new RetryableException(message, host, retryAfter(retryAfterHeader, null), null);
    }
    return new PermanentException(message, host, null);
  }

  /** The exception for a token endpoint refusal. */
  public static ConnectorException tokenRefused(int status, String body, String connection) {
    if (status >= 500 || status == 429) {
      return map(status, body, null, connection + ": get an access token");
    }
    HostError e = parse(status, body);
    return new AuthenticationException(
        connection
            + ": NetSuite's token endpoint refused the client credentials ("
            + e.describe()
            + "); check clientId, certificateId, the private key and that the certificate is"
            + " mapped to the integration, entity and role",
        e.describe(),
        null);
  }

  /** A transport failure (connect, read timeout, reset). */
  public static RetryableException transport(IOException e, String where) {
    return new RetryableException(
        where + ": " + e.getClass().getSimpleName() + " talking to NetSuite", e);
  }

  private static Duration retryAfter(String header, Duration fallback) {
    if (header == null) {
      return fallback;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException ex) {
      return fallback;
    }
  }
}
