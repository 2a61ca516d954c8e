package io.dunhub.hub.notice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The URLs of one message that the hub serves: a tracked click-through to the payment page, an open
 * pixel and a one-click unsubscribe. Tokens are derived from the message's idempotency key. (The
 * hub's HTTP endpoints that answer them are not part of this package.)
 */
public final class TrackingLinks {
  private final String base;

  /**
   * @param base the hub's public URL, e.g. {@code https://dunhub.example.com}
   */
  public TrackingLinks(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static String token(String idempotencyKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String click(String idempotencyKey, String target) {
    if (target == null) {
      return null;
    }
    return base
        + "/t/c/"
        + token(idempotencyKey)
        + "?to="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  public String openPixel(String idempotencyKey) {
    return base + "/t/o/" + token(idempotencyKey) + ".gif";
  }

  public String unsubscribe(String idempotencyKey) {
    return base + "/u/" + token(idempotencyKey);
  }
}
