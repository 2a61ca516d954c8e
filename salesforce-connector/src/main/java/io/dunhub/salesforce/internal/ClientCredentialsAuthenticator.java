package io.dunhub.salesforce.internal;

import io.dunhub.core.secret.Secret;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The OAuth 2.0 client-credentials flow against the org's My Domain URL: the app's consumer key and
 * secret buy a token for the app's configured run-as user.
 */
public final class ClientCredentialsAuthenticator implements Authenticator {
  private final OAuthTokenEndpoint endpoint;
  private final String clientId;
  private final Secret clientSecret;

  public ClientCredentialsAuthenticator(
      OkHttpClient http,
      String myDomainUrl,
      String clientId,
      Secret clientSecret,
      String connection) {
    this.endpoint = new OAuthTokenEndpoint(http, myDomainUrl, connection);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public SalesforceSession login() {
    return endpoint.grant(
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            clientSecret.reveal()));
  }
}
