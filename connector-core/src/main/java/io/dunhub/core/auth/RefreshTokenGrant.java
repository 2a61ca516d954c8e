package io.dunhub.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.CallOptions;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The standard OAuth 2.0 refresh-token grant (RFC 6749 §6), as QuickBooks Online, NetSuite and
 * Salesforce's web-server flow use it. The client authenticates with HTTP Basic (QuickBooks,
 * NetSuite) or with {@code client_id}/{@code client_secret} in the form (Salesforce). A refused
 * grant ({@code invalid_grant}, {@code invalid_client}) is an {@link AuthenticationException}
 * telling a person to reconnect; the host's words are kept, the tokens never.
 *
 * <p>Give it a client without the OAuth interceptor (the token endpoint takes no bearer token).
 */
public final class RefreshTokenGrant implements TokenGrant {

  /** Where the client's credentials go. */
  public enum ClientAuth {
    BASIC,
    FORM
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

  private final String connection;
  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final ClientAuth clientAuth;
  private final Clock clock;

  public RefreshTokenGrant(
      String connection,
      OkHttpClient http,
      HttpUrl tokenUrl,
      String clientId,
      Secret clientSecret,
      ClientAuth clientAuth,
      Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.http = Objects.requireNonNull(http, "http");
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public OAuthToken refresh(OAuthToken current) {
    if (current.refreshToken() == null) {
      throw new AuthenticationException(
          connection + " has no refresh token: reconnect it to authorize Dunhub again");
    }
    FormBody.Builder form =
        new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("refresh_token", current.refreshToken().reveal());
    Request.Builder request =
        new Request.Builder().url(tokenUrl).header("Accept", "application/json");
    if (clientAuth == ClientAuth.BASIC) {
      request.header("Authorization", Credentials.basic(clientId, clientSecret.reveal()));
    } else {
      form.add("client_id", clientId).add("client_secret", clientSecret.reveal());
    }
    request.post(form.build());
    // the refusal's body is ours to read even through a client that maps errors; the grant is
    // not marked retryable: a lost answer may have rotated the refresh token already
    CallOptions.none().about("token refresh").passing(400, 401).applyTo(request);
    int status;
    String body;
    try (Response response = http.newCall(request.build()).execute()) {
      status = response.code();
      body = response.body() == null ? "" : response.body().string();
    } catch (IOException e) {
      throw new RetryableException(
          connection + ": the token endpoint " + tokenUrl.host() + " did not answer", e);
    } catch (PermanentException | AuthenticationException e) {
      // a client with error mapping turns the refusal into an exception before we see the body
      throw refused(400, null, e);
    }
    if (status >= 500 || status == 429) {
      throw new RetryableException(
          connection + ": the token endpoint " + tokenUrl.host() + " answered " + status,
          describe(body),
          null,
          null);
    }
    if (status >= 300) {
      throw refused(status, body, null);
    }
    return parse(body);
  }

  private OAuthToken parse(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      String access = json.path("access_token").asText(null);
      if (access == null || access.isBlank()) {
        throw new AuthenticationException(
            connection + ": the token endpoint answered without an access token");
      }
      String refresh = json.path("refresh_token").asText(null);
      long seconds = json.path("expires_in").asLong(0);
      Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
      return new OAuthToken(
          Secret.of(access), Secret.ofNullable(refresh), clock.instant().plus(lifetime));
    } catch (IOException e) {
      throw new AuthenticationException(
          connection + ": the token endpoint answered with something other than JSON", null, e);
    }
  }

  private AuthenticationException refused(int status, String body, ConnectorException cause) {
    String hostMessage = cause != null ? cause.hostMessage() : describe(body);
    return new AuthenticationException(
        connection
            + ": the host refused to refresh the token ("
            + status
            + (hostMessage == null ? "" : ": " + hostMessage)
            + "); reconnect "
            + connection
            + " to authorize Dunhub again",
        hostMessage,
        cause);
  }

  private static String describe(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(body);
      String error = json.path("error").asText("");
      String description = json.path("error_description").asText("");
      String text = (error + " " + description).trim();
      return text.isEmpty() ? null : text;
    } catch (IOException e) {
      return null;
    }
  }
}
