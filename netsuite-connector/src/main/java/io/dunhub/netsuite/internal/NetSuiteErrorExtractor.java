package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.http.ErrorKind;
import io.dunhub.core.http.HostError;
import io.dunhub.core.http.HostErrorExtractor;
import java.io.IOException;
import okhttp3.Response;

/**
 * Reads NetSuite's error body for the shared error mapping: {@code {type, title, status,
 * "o:errorDetails": [{detail, "o:errorCode", "o:errorPath"}]}}. The code is the first detail's
 * {@code o:errorCode}; the message is every detail, each with its field path ({@code Invalid
 * transaction reference key 999999. (at transaction)}). The status decides the kind as usual (401
 * authentication, 429 and 5xx retryable, other 4xx permanent), except a 403, which is the
 * integration role lacking a permission: configuration, for an administrator to fix. A 429 ( {@code
 * CONCURRENCY_LIMIT_EXCEEDED}) says what to lower.
 */
public final class NetSuiteErrorExtractor implements HostErrorExtractor {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public HostError extract(Response response, String body) {
    return parse(response.code(), body);
  }

  /** The host error for a status and body; tolerant of bodies that are not NetSuite's. */
  public static HostError parse(int status, String body) {
    ErrorKind kind = status == 403 ? ErrorKind.CONFIGURATION : null;
    String hint =
        switch (status) {
          case 403 -> " (the integration role lacks a permission; give it the one NetSuite names)";
          case 429 ->
              " (NetSuite's concurrency limit for the account; lower maxConcurrency if this"
                  + " persists)";
          default -> "";
        };
    JsonNode n = null;
    try {
      n = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      // not JSON: nothing but the status to go by
    }
    if (n != null && n.path("o:errorDetails").isArray() && n.path("o:errorDetails").size() > 0) {
      StringBuilder message = new StringBuilder();
      String code = null;
      for (JsonNode d : n.path("o:errorDetails")) {
        if (code == null) {
          code = d.path("o:errorCode").asText(null);
        }
        if (message.length() > 0) {
          message.append(" | ");
        }
        message.append(d.path("detail").asText("").strip());
        String path = d.path("o:errorPath").asText(null);
        if (path != null && !path.isBlank()) {
          message.append(" (at ").append(path).append(')');
        }
      }
      return new HostError(message + hint, code, kind);
    }
    if (n != null && n.hasNonNull("error")) {
      String description = n.path("error_description").asText(null);
      return new HostError(
          (description == null ? n.get("error").asText() : description) + hint,
          n.get("error").asText(),
          kind);
    }
    if (n != null && n.hasNonNull("title")) {
      return new HostError(n.get("title").asText() + hint, null, kind);
    }
    return new HostError(hint.isEmpty() ? null : hint.strip(), null, kind);
  }
}
