package io.dunhub.quickbooks.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a QuickBooks webhook delivery for the hub: checks {@code intuit-signature} (Base64 of
 * the HMAC-SHA256 of the raw body, keyed with the app's verifier token) and reads both payload
 * shapes — the legacy {@code {"eventNotifications": [...]}} and the CloudEvents array — which the
 * SDK's own {@code WebhooksService} cannot (it returns null for CloudEvents). The hub reaches it
 * through {@link QuickBooksWebhookReceiver} (the connector's webhook SPI), once per connection,
 * answers at once (Intuit wants a 200 within 3 s) and syncs the realms' touched streams; {@link
 * #receive} is the same check and read for one verifier token, with an HTTP status.
 */
public final class QuickBooksWebhook {

  /** The header Intuit signs deliveries with. */
  public static final String SIGNATURE_HEADER = "intuit-signature";

  private static final Logger LOG = LoggerFactory.getLogger(QuickBooksWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LEGACY_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendPattern("XXX")
          .optionalEnd()
          .optionalStart()
          .appendPattern("XX")
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final Map<String, String> OPERATIONS =
      Map.of(
          "created", "Create",
          "updated", "Update",
          "deleted", "Delete",
          "merged", "Merge",
          "voided", "Void",
          "emailed", "Emailed");

  private final Secret verifierToken;

  public QuickBooksWebhook(Secret verifierToken) {
    if (verifierToken == null || verifierToken.isEmpty()) {
      throw new IllegalArgumentException("a webhook verifier token is required");
    }
    this.verifierToken = verifierToken;
  }

  /**
   * What to answer and what to do.
   *
   * @param status 200 (accepted), 401 (bad or missing signature) or 400 (signed but unreadable)
   * @param realms the realms to sync now, in payload order
   */
  public record Result(int status, List<WebhookEvent> events, Set<String> realms, String reason) {}

  /** Verifies and parses one delivery. Never logs the body. */
  public Result receive(byte[] rawBody, String signature) {
    if (!verify(rawBody, signature)) {
      LOG.warn(
          "rejected a QuickBooks webhook: {} ({} bytes)",
          signature == null || signature.isBlank() ? "no intuit-signature" : "bad intuit-signature",
          rawBody == null ? 0 : rawBody.length);
      return new Result(401, List.of(), Set.of(), "bad signature");
    }
    try {
      List<WebhookEvent> events = parse(rawBody);
      Set<String> realms = new LinkedHashSet<>();
      events.forEach(e -> realms.add(e.realmId()));
      return new Result(200, events, realms, "ok");
    } catch (IllegalArgumentException e) {
      LOG.warn("a signed QuickBooks webhook could not be read: {}", e.getMessage());
      return new Result(400, List.of(), Set.of(), e.getMessage());
    }
  }

  /** Whether {@code signature} is the HMAC-SHA256 of exactly these bytes (constant-time). */
  public boolean verify(byte[] rawBody, String signature) {
    if (rawBody == null || signature == null || signature.isBlank()) {
      return false;
    }
    byte[] expected;
    byte[] given;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(verifierToken.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      expected = mac.doFinal(rawBody);
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
    return MessageDigest.isEqual(expected, given);
  }

  /** Reads either payload shape. */
  public static List<WebhookEvent> parse(byte[] rawBody) {
    JsonNode root;
    try {
      root = JSON.readTree(rawBody);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the webhook body is not JSON");
    }
    if (root == null) {
      throw new IllegalArgumentException("the webhook body is empty");
    }
    if (root.isArray()) {
      return cloudEvents(root);
    }
    if (root.has("eventNotifications")) {
      return legacy(root.get("eventNotifications"));
    }
    throw new IllegalArgumentException(
        "the webhook body is neither an eventNotifications object nor a CloudEvents array");
  }

  private static List<WebhookEvent> legacy(JsonNode notifications) {
    List<WebhookEvent> out = new ArrayList<>();
    for (JsonNode n : notifications) {
      String realm = required(n, "realmId", "eventNotifications[].realmId");
      for (JsonNode e : n.path("dataChangeEvent").path("entities")) {
        out.add(
            new WebhookEvent(
                realm,
                required(e, "name", "entities[].name"),
                required(e, "id", "entities[].id"),
                e.path("operation").asText("Update"),
                time(e.path("lastUpdated").asText(null))));
      }
    }
    return out;
  }

  private static List<WebhookEvent> cloudEvents(JsonNode array) {
    List<WebhookEvent> out = new ArrayList<>();
    for (JsonNode e : array) {
      String type = required(e, "type", "type");
      String[] parts = type.split("\\.");
      if (parts.length < 3 || !parts[0].equals("qbo")) {
        throw new IllegalArgumentException("unknown CloudEvents type '" + type + "'");
      }
      String entity = parts[1].isEmpty() ? parts[1] : entityName(parts[1]);
      String op = OPERATIONS.getOrDefault(parts[2].toLowerCase(Locale.ROOT), capitalize(parts[2]));
      out.add(
          new WebhookEvent(
              required(e, "intuitaccountid", "intuitaccountid"),
              entity,
              required(e, "intuitentityid", "intuitentityid"),
              op,
              time(e.path("time").asText(null))));
    }
    return out;
  }

  private static String entityName(String lower) {
    return switch (lower.toLowerCase(Locale.ROOT)) {
      case "salesreceipt" -> "SalesReceipt";
      case "creditmemo" -> "CreditMemo";
      case "billpayment" -> "BillPayment";
      case "journalentry" -> "JournalEntry";
      case "refundreceipt" -> "RefundReceipt";
      case "purchaseorder" -> "PurchaseOrder";
      case "timeactivity" -> "TimeActivity";
      case "vendorcredit" -> "VendorCredit";
      default -> capitalize(lower);
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String required(JsonNode node, String field, String where) {
    String v = node.path(field).asText("");
    if (v.isBlank()) {
      throw new IllegalArgumentException("the webhook has no " + where);
    }
    return v;
  }

  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      try {
        return OffsetDateTime.parse(text, LEGACY_TIME).toInstant();
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }
}
