package io.dunhub.quickbooks.internal;

import com.intuit.oauth2.client.OAuth2PlatformClient;
import com.intuit.oauth2.config.OAuth2Config;
import com.intuit.oauth2.data.BearerTokenResponse;
import com.intuit.oauth2.exception.OAuthException;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.TokenGrant;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.secret.Secret;
import java.time.Clock;

/**
 * Intuit's refresh-token grant, through the SDK's OAuth client ({@code POST
 * …/oauth2/v1/tokens/bearer}, Basic auth, {@code grant_type=refresh_token}). Intuit rotates refresh
 * tokens: the reply's refresh token replaces the stored one. A refused grant ({@code
 * invalid_grant}: revoked, disconnected, expired) asks a person to reconnect QuickBooks.
 */
public final class QboTokenGrant implements TokenGrant {

  private final String connection;
  private final OAuth2Config oauth;
  private final Clock clock;
  private final QboErrors errors;

  public QboTokenGrant(
      String connection,
      String clientId,
      Secret clientSecret,
      String tokenUrl,
      Clock clock,
      QboErrors errors) {
    this.connection = connection;
    this.clock = clock;
    this.errors = errors;
    this.oauth =
        new OAuth2Config.OAuth2ConfigBuilder(clientId, clientSecret.reveal()).buildConfig();
    this.oauth.setIntuitBearerTokenEndpoint(tokenUrl);
  }

  @Override
  public OAuthToken refresh(OAuthToken current) {
    if (current.refreshToken() == null) {
      throw errors.reconnect(connection + ": token refresh", "no refresh token stored", null);
    }
    BearerTokenResponse reply;
    try {
      reply = new OAuth2PlatformClient(oauth).refreshToken(current.refreshToken().reveal());
    } catch (OAuthException e) {
      String status = e.getStatusCode();
      if (status != null && status.startsWith("4")) {
        throw errors.reconnect(
            connection + ": token refresh",
            "Intuit refused the refresh token (HTTP " + status + ", invalid_grant)",
            null);
      }
      throw new RetryableException(
          connection + ": could not reach Intuit's token endpoint (HTTP " + status + ")",
          null,
          null,
          null);
    }
    if (reply == null || reply.getAccessToken() == null) {
      throw new RetryableException(
          connection + ": Intuit's token endpoint answered without a token", null, null, null);
    }
    long ttl = reply.getExpiresIn() == null ? 3600 : reply.getExpiresIn();
    return new OAuthToken(
        Secret.of(reply.getAccessToken()),
        Secret.ofNullable(reply.getRefreshToken()),
        clock.instant().plusSeconds(ttl));
  }
}
