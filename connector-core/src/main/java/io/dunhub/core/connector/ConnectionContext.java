package io.dunhub.core.connector;

import io.dunhub.core.auth.TokenStore;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What the hub hands a connector when it opens a connection.
 *
 * @param tokens where OAuth tokens live (encrypted by the hub), shared by every hub process
 * @param http the process-wide HTTP client; connectors derive from it with {@code newBuilder()} so
 *     they share its pool
 */
public record ConnectionContext(
    ConnectionSettings settings, Clock clock, TokenStore tokens, OkHttpClient http) {
  public ConnectionContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(http, "http");
  }
}
