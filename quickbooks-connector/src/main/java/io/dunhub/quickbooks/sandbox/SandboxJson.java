package io.dunhub.quickbooks.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** QBO's JSON reply shapes and its date-time format, in one place. */
final class SandboxJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final DateTimeFormatter QBO_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter REPLY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private SandboxJson() {}

  /** A record time as QBO writes it: seconds, with the company's offset. */
  static String time(Instant instant, ZoneId zone) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone).format(QBO_TIME);
  }

  /** The {@code time} stamp of a reply (milliseconds, company offset). */
  static String replyTime(Instant instant, ZoneId zone) {
    return OffsetDateTime.ofInstant(instant, zone).format(REPLY_TIME);
  }

  static Instant parseTime(String text) {
    return OffsetDateTime.parse(text, QBO_TIME).toInstant();
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw QboFault.validation("2500", "Invalid Request", "the request body is not a JSON object");
    } catch (java.io.IOException e) {
      throw QboFault.validation(
          "2500", "Invalid Request", "Unable to parse the request body: " + e.getMessage());
    }
  }

  /** {@code {"Fault":{"Error":[{Message, Detail, code, element}],"type":...},"time":...}}. */
  static ObjectNode faultBody(QboFault fault, String time) {
    ObjectNode root = object();
    root.set("Fault", faultNode(fault));
    root.put("time", time);
    return root;
  }

  static ObjectNode faultNode(QboFault fault) {
    ObjectNode f = object();
    ArrayNode errors = f.putArray("Error");
    ObjectNode error = errors.addObject();
    error.put("Message", fault.message());
    error.put("Detail", fault.detail());
    error.put("code", fault.code());
    if (fault.element() != null) {
      error.put("element", fault.element());
    }
    f.put("type", fault.type());
    return f;
  }
}
