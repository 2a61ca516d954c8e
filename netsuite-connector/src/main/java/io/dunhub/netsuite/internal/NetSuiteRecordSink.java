package io.dunhub.netsuite.internal;

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
 */
public final class NetSuiteRecordSink implements RecordSink {

  private static final String RECORD = "/services/rest/record/v1/";

  private final NetSuiteHttp http;
  private final String type;

  public NetSuiteRecordSink(NetSuiteHttp http, String type) {
    this.http = http;
    this.type = type;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    try {
      if (request.hostId() != null) {
        http.call(
            "PATCH",
            RECORD + type + "/" + request.hostId(),
            request.payload(),
            null,
            "update " + type + " " + request.hostId());
        return new WriteOutcome.Applied(request.hostId(), null);
      }
      String eid = externalId(request.idempotencyKey());
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
              "PUT",
              RECORD + type + "/eid:" + eid,
              request.payload(),
              null,
              "write " + type + " eid:" + eid);
      return new WriteOutcome.Applied(idFromLocation(created.location()), null);
    } catch (PermanentException e) {
      return new WriteOutcome.Permanent(e.getMessage());
    } catch (RetryableException e) {
      return new WriteOutcome.Retryable(e.getMessage(), e.retryAfter());
    }
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
