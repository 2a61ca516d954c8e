package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one NetSuite record type. A new record is written with {@code PUT
 * /record/v1/<type>/eid:<key>}, the idempotency key as its external id, so a write repeated after a
 * lost reply or by another worker upserts the same record instead of adding one; a {@code GET} of
 * that external id first tells a repeated write ({@link WriteOutcome.AlreadyApplied}) from a new
 * one. A change to an existing record ({@code hostId} set) is a {@code PATCH}, idempotent by
 * nature. Host refusals become outcomes with NetSuite's message and field path.
 *
 * <p>A mapping names a currency by its ISO code ({@code "currency": {"refName": "GBP"}}, what the
 * connector reads); NetSuite takes a reference by internal id, so the sink sends {@code "currency":
 * {"id": "2"}}, resolved through the account's {@link CurrencyIds}. A code the account does not
 * have is a permanent refusal that names the connection, the record and the codes it has.
 */
public final class NetSuiteRecordSink implements RecordSink {

  private static final String RECORD = "/services/rest/record/v1/";

  private final NetSuiteHttp http;
  private final String type;
  private final String connection;
  private final CurrencyIds currencies;

  /** A sink for records that carry no currency (notes, tasks, calls). */
  NetSuiteRecordSink(NetSuiteHttp http, String type) {
    this(http, type, "NetSuite", new CurrencyIds(http));
  }

  public NetSuiteRecordSink(
      NetSuiteHttp http, String type, String connection, CurrencyIds currencies) {
    this.http = http;
    this.type = type;
    this.connection = connection;
    this.currencies = currencies;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    String eid = request.hostId() != null ? null : externalId(request.idempotencyKey());
    String record = type + (eid == null ? " " + request.hostId() : " eid:" + eid);
    try {
      JsonNode payload = withCurrencyId(request.payload(), record);
      if (request.hostId() != null) {
        http.call(
            "PATCH", RECORD + type + "/" + request.hostId(), payload, null, "update " + record);
        return new WriteOutcome.Applied(request.hostId(), null);
      }
      NetSuiteHttp.Reply existing =
          http.call(
              "GET",
              RECORD + type + "/eid:" + eid + "?fields=id",
              null,
              null,
              "look up " + type + " eid:" + eid,
              404);
      if (existing.status() == 200) {
        return new WriteOutcome.AlreadyApplied(idFromBody(existing.body()));
      }
      NetSuiteHttp.Reply created =
          http.call(
              "PUT", RECORD + type + "/eid:" + eid, payload, null, "write " + type + " eid:" + eid);
      return new WriteOutcome.Applied(idFromLocation(created.location()), null);
    } catch (PermanentException e) {
      return new WriteOutcome.Permanent(e.getMessage());
    } catch (RetryableException e) {
      return new WriteOutcome.Retryable(e.getMessage(), e.retryAfter());
    }
  }

  /**
   * The payload with a currency given by ISO code ({@code currency.refName} without an id) turned
   * into NetSuite's reference by internal id; other payloads as they are.
   */
  private JsonNode withCurrencyId(JsonNode payload, String record) {
    JsonNode currency = payload == null ? null : payload.get("currency");
    if (currency == null
        || !currency.isObject()
        || currency.hasNonNull("id")
        || !currency.hasNonNull("refName")) {
      return payload;
    }
    String code = currency.get("refName").asText();
    String id =
        currencies
            .idOf(code)
            .orElseThrow(
                () ->
                    new PermanentException(
                        connection
                            + ": cannot write "
                            + record
                            + ": the NetSuite account has no currency "
                            + code
                            + " (a currency record whose symbol is the ISO code; it has "
                            + currencies.codes()
                            + ")"));
    ObjectNode out = ((ObjectNode) payload).deepCopy();
    out.putObject("currency").put("id", id);
    return out;
  }

  /**
   * The external id for an idempotency key: the key itself when it is short and made of letters,
   * digits, {@code - _ .}; otherwise {@code dh-} and a SHA-256 prefix of it.
   */
  static String externalId(String key) {
    if (key.length() <= 64 && key.matches("[A-Za-z0-9._-]+")) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "dh-" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String idFromLocation(String location) {
    if (location == null) {
      return null;
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String idFromBody(String body) {
    int i = body.indexOf("\"id\"");
    if (i < 0) {
      return null;
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(body)
          .path("id")
          .asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
