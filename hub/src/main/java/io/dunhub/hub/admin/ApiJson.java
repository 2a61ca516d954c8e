package io.dunhub.hub.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dunhub.core.model.Money;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of the admin API: answers with ISO-8601 times and money as {@code {"amount":
 * "12.50", "currency": "USD"}}; request bodies read with errors that name the wrong field.
 */
public final class ApiJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Answers 200 (or the status already set) with the value as JSON. */
  public static void send(Context ctx, Object value) {
    try {
      ctx.contentType("application/json").result(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON", e);
    }
  }

  /** Money as the API shows it: the amount as a decimal string in the currency's scale. */
  public static Map<String, Object> money(Money money) {
    if (money == null) {
      return null;
    }
    int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("amount", money.amount().setScale(digits, RoundingMode.HALF_UP).toPlainString());
    m.put("currency", money.currency().getCurrencyCode());
    return m;
  }

  public static Map<String, Object> money(BigDecimal amount, String currency) {
    return money(Money.of(amount, currency));
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  public static ObjectNode body(Context ctx) {
    String text = ctx.body();
    if (text == null || text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ApiError(400, "the body is not valid JSON" + where, "$");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ApiError(400, "the body must be a JSON object", "$");
    }
    return object;
  }

  /** A required non-blank text field. */
  public static String text(ObjectNode body, String field) {
    return optionalText(body, field).orElseThrow(() -> ApiError.badField(field, "is required"));
  }

  /** An optional text field; present but not text (or blank) is an error. */
  public static Optional<String> optionalText(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiError.badField(field, "must be a string");
    }
    if (v.asText().isBlank()) {
      throw ApiError.badField(field, "must not be empty");
    }
    if (v.asText().length() > 2000) {
      throw ApiError.badField(field, "is longer than 2000 characters");
    }
    return Optional.of(v.asText().strip());
  }

  /** A required ISO date ({@code 2026-04-30}). */
  public static LocalDate date(ObjectNode body, String field) {
    return optionalDate(body, field)
        .orElseThrow(() -> ApiError.badField(field, "is required (a date: 2026-04-30)"));
  }

  public static Optional<LocalDate> optionalDate(ObjectNode body, String field) {
    Optional<String> text;
    try {
      text = optionalText(body, field);
    } catch (ApiError e) {
      throw ApiError.badField(field, "must be a date written 2026-04-30");
    }
    try {
      return text.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw ApiError.badField(field, "must be a date written 2026-04-30, got '" + text.get() + "'");
    }
  }

  /** A required boolean. */
  public static boolean bool(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw ApiError.badField(field, "is required (true or false)");
    }
    if (!v.isBoolean()) {
      throw ApiError.badField(field, "must be true or false");
    }
    return v.asBoolean();
  }

  /** A whole-number query parameter within bounds, or its default. */
  public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw ApiError.badField(name, "must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badField(name, "must be a whole number, got '" + v + "'");
    }
  }

  /** A numeric id in the path. */
  public static long idParam(Context ctx, String name) {
    String v = ctx.pathParam(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badField(name, "must be a number, got '" + v + "'");
    }
  }

  /** An optional date query parameter. */
  public static Optional<LocalDate> dateParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.trim()));
    } catch (DateTimeParseException e) {
      throw ApiError.badField(name, "must be a date written 2026-04-30, got '" + v + "'");
    }
  }
}
