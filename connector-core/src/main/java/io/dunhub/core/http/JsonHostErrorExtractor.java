package io.dunhub.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Response;

/**
 * Reads the usual JSON error shapes: {@code {"message": ...}}, OAuth's {@code {"error_description":
 * ...}}, {@code {"error": {"message": ...}}}, {@code {"detail": ...}}, an array of those
 * (Salesforce), a {@code Fault.Error[]} (QuickBooks), {@code o:errorDetails[]} (NetSuite). Falls
 * back to the body's first 300 characters when it is not JSON.
 */
public final class JsonHostErrorExtractor implements HostErrorExtractor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MESSAGE_FIELDS =
      List.of("message", "Message", "error_description", "detail", "Detail");
  private static final List<String> CODE_FIELDS =
      List.of("errorCode", "code", "error", "o:errorCode");
  private static final List<String> NESTED =
      List.of("error", "Fault", "Error", "o:errorDetails", "errors");

  @Override
  public HostError extract(Response response, String body) {
    if (body == null || body.isBlank()) {
      return HostError.none();
    }
    try {
      List<JsonNode> chain = new ArrayList<>();
      for (JsonNode node = first(JSON.readTree(body));
          node != null && chain.size() < 5;
          node = nested(node)) {
        chain.add(node);
      }
      // the deepest message is the most specific (NetSuite's detail under a generic title)
      for (int i = chain.size() - 1; i >= 0; i--) {
        String message = message(chain.get(i));
        if (message != null) {
          return new HostError(message, text(chain.get(i), CODE_FIELDS), null);
        }
      }
      return HostError.of(abbreviate(body));
    } catch (JsonProcessingException e) {
      return HostError.of(abbreviate(body));
    }
  }

  /** The distinct message fields of a node joined (QuickBooks has a Message and a Detail). */
  private static String message(JsonNode node) {
    Set<String> parts = new LinkedHashSet<>();
    for (String field : MESSAGE_FIELDS) {
      JsonNode value = node.get(field);
      if (value != null && value.isValueNode() && !value.asText().isBlank()) {
        parts.add(value.asText().strip());
      }
    }
    return parts.isEmpty() ? null : String.join(": ", parts);
  }

  private static JsonNode nested(JsonNode node) {
    for (String field : NESTED) {
      JsonNode child = node.get(field);
      if (child != null && (child.isObject() || child.isArray())) {
        return first(child);
      }
    }
    return null;
  }

  private static JsonNode first(JsonNode node) {
    return node != null && node.isArray() ? node.get(0) : node;
  }

  private static String text(JsonNode node, List<String> fields) {
    for (String field : fields) {
      JsonNode value = node.get(field);
      if (value != null && value.isValueNode() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  private static String abbreviate(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }
}
