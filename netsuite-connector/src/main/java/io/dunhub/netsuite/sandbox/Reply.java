package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One sandbox reply: status, headers and an optional JSON body. */
record Reply(int status, Map<String, String> headers, JsonNode body) {

  static final ObjectMapper JSON = new ObjectMapper();

  static Reply json(int status, JsonNode body) {
    return new Reply(
        status,
        Map.of("Content-Type", "application/vnd.oracle.resource+json; type=singular"),
        body);
  }

  static Reply noContent() {
    return new Reply(204, Map.of(), null);
  }

  static Reply created(String location) {
    return new Reply(204, Map.of("Location", location), null);
  }

  /**
   * NetSuite's error body: {@code {type, title, status, o:errorDetails: [{detail, o:errorCode,
   * o:errorPath}]}}.
   */
  static Reply error(int status, String code, String detail, String path) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "https://www.rfc-editor.org/rfc/rfc9110.html#section-15." + section(status));
    body.put("title", title(status));
    body.put("status", status);
    ArrayNode details = body.putArray("o:errorDetails");
    ObjectNode d = details.addObject();
    d.put("detail", detail);
    if (path != null) {
      d.put("o:errorPath", path);
    }
    d.put("o:errorCode", code);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/vnd.oracle.resource+json; type=error");
    if (status == 429) {
      headers.put("Retry-After", "1");
    }
    return new Reply(status, headers, body);
  }

  private static String section(int status) {
    return switch (status) {
      case 400 -> "5.1";
      case 401 -> "5.2";
      case 403 -> "5.4";
      case 404 -> "5.5";
      case 405 -> "5.6";
      case 429 -> "5.29";
      default -> "6.1";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }
}
