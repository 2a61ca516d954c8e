package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Posts a grant to {@code /services/oauth2/token} and turns the reply into a session. */
final class OAuthTokenEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final String baseUrl;
  private final String connection;

  OAuthTokenEndpoint(OkHttpClient http, String baseUrl, String connection) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.connection = connection;
  }

  SalesforceSession grant(Map<String, String> form) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request request =
        new Request.Builder().url(baseUrl + "/services/oauth2/token").post(body.build()).build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      JsonNode json;
      try {
        json = JSON.readTree(text.isEmpty() ? "{}" : text);
      } catch (IOException e) {
        throw new RetryableException(
            connection
                + ": the Salesforce token endpoint answered "
                + response.code()
                + " without JSON",
            null,
            null,
            e);
      }
      if (response.isSuccessful() && json.hasNonNull("access_token")) {
        return new SalesforceSession(
            Secret.of(json.get("access_token").asText()),
            json.path("instance_url").asText(baseUrl));
      }
      String error = json.path("error").asText("http_" + response.code());
      String description = json.path("error_description").asText("");
      String host = error + ": " + description;
      if (response.code() >= 500 || response.code() == 429) {
        throw new RetryableException(
            connection + ": the Salesforce login server failed (" + response.code() + ")",
            host,
            null,
            null);
      }
      if (error.equals("invalid_client_id") || error.equals("invalid_client")) {
        throw new ConfigurationException(
            connection
                + ": Salesforce does not know this app's client id or secret ("
                + host
                + "); check client_id / client_secret against the app's consumer key");
      }
      throw new AuthenticationException(
          connection
              + ": Salesforce refused the app ("
              + host
              + "). Re-authorize the app: check it is still installed, that the integration"
              + " user's profile or permission set is pre-authorized for it, and that its"
              + " certificate matches the configured private key.",
          host,
          null);
    } catch (IOException e) {
      throw new RetryableException(
          connection + ": cannot reach the Salesforce login server " + baseUrl, null, null, e);
    }
  }
}
