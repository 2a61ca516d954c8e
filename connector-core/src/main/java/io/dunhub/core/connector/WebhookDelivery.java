package io.dunhub.core.connector;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One webhook request as it arrived: its headers and its raw body, byte for byte (signatures are
 * computed over the raw bytes, so the body is never re-encoded). {@link #toString()} leaves the
 * body out: it may carry customer data and must not reach a log.
 */
public final class WebhookDelivery {

  private final Map<String, String> headers;
  private final byte[] body;

  /** Header names are matched case-insensitively. */
  public WebhookDelivery(Map<String, String> headers, byte[] body) {
    Map<String, String> lower = new TreeMap<>();
    Objects.requireNonNull(headers, "headers")
        .forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    this.headers = Map.copyOf(lower);
    this.body = Objects.requireNonNull(body, "body").clone();
  }

  /** A header's value, whatever the case of its name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** A copy of the raw body. */
  public byte[] body() {
    return body.clone();
  }

  public int size() {
    return body.length;
  }

  @Override
  public String toString() {
    return "WebhookDelivery[" + body.length + " bytes, headers " + headers.keySet() + "]";
  }
}
