package io.dunhub.hub.notice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The URLs of one message that the hub serves ({@code io.dunhub.hub.tracking.TrackingRoutes}): a
 * tracked click-through to the payment page ({@code /t/c/…}), an open pixel ({@code /t/o/….gif})
 * and an unsubscribe page ({@code /t/u/…}).
 *
 * <p>A token is the message's idempotency key (base64url) and an HMAC-SHA256 signature with the
 * hub's link key, so the hub can tell which message a request is about and that it made the link. A
 * click's signature also covers its target: the hub redirects only to targets it signed, never to
 * one a request names (no open redirect).
 */
public final class TrackingLinks {

  /** What a link does; part of what is signed, so a token of one kind does not open another. */
  public enum Kind {
    CLICK("c"),
    OPEN("o"),
    UNSUBSCRIBE("u");

    final String path;

    Kind(String path) {
      this.path = path;
    }
  }

  private static final int SIGNATURE_BYTES = 16;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String base;
  private final SecretKeySpec key;

  /** One initialised Mac per thread: building one per link cost more than the signing. */
  private final ThreadLocal<Mac> macs;

  /**
   * @param base the hub's public URL, e.g. {@code https://dunhub.example.com}
   * @param linkKey the key links are signed with (derived from the hub's secret key)
   */
  public TrackingLinks(String base, byte[] linkKey) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (linkKey == null || linkKey.length < 16) {
      throw new IllegalArgumentException("a link key needs at least 128 bits");
    }
    this.key = new SecretKeySpec(linkKey.clone(), "HmacSHA256");
    SecretKeySpec k = this.key;
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(k);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
              }
            });
  }

  /** Links signed with a random key: valid for this process only (tests, one-off commands). */
  public TrackingLinks(String base) {
    this(base, randomKey());
  }

  /** A short, stable file-name token for a message (not a link: it is not signed). */
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

  public String base() {
    return base;
  }

  public String click(String idempotencyKey, String target) {
    if (target == null) {
      return null;
    }
    return base
        + "/t/c/"
        + signed(Kind.CLICK, idempotencyKey, target)
        + "?to="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  public String openPixel(String idempotencyKey) {
    return base + "/t/o/" + signed(Kind.OPEN, idempotencyKey, null) + ".gif";
  }

  public String unsubscribe(String idempotencyKey) {
    return base + "/t/u/" + signed(Kind.UNSUBSCRIBE, idempotencyKey, null);
  }

  /**
   * The idempotency key of a token this hub signed for {@code kind} (and, for a click, for this
   * target); empty for a token that is malformed, altered or signed by another key.
   */
  public Optional<String> verify(Kind kind, String token, String target) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || (kind == Kind.CLICK && target == null)) {
      return Optional.empty();
    }
    String idempotencyKey;
    byte[] given;
    try {
      idempotencyKey =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] expected = signature(kind, idempotencyKey, target);
    return MessageDigest.isEqual(expected, given) ? Optional.of(idempotencyKey) : Optional.empty();
  }

  private String signed(Kind kind, String idempotencyKey, String target) {
    return B64.encodeToString(idempotencyKey.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64.encodeToString(signature(kind, idempotencyKey, target));
  }

  private byte[] signature(Kind kind, String idempotencyKey, String target) {
    Mac mac = macs.get(); // doFinal resets it for the next message
    String message = kind.path + "\n" + idempotencyKey + (target == null ? "" : "\n" + target);
    byte[] full = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[SIGNATURE_BYTES];
    System.arraycopy(full, 0, out, 0, SIGNATURE_BYTES);
    return out;
  }

  private static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }
}
