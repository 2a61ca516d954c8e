package io.dunhub.hub.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.model.Channel;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends SMS through an HTTP provider with Twilio's API shape: {@code POST
 * {base}/2010-04-01/Accounts/{sid}/Messages.json} with form fields {@code To}, {@code From} (or
 * {@code MessagingServiceSid}) and {@code Body}, HTTP Basic auth with the account SID and auth
 * token. A 2xx reply carries the message {@code sid}; a 429 or 5xx is retried; other 4xx replies
 * (invalid number, unsubscribed recipient) fail for good with Twilio's code and message.
 */
public final class TwilioSmsChannel implements NoticeChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpUrl base;
  private final String accountSid;
  private final Secret authToken;
  private final String from;
  private final OkHttpClient http;

  /**
   * @param base {@code https://api.twilio.com} in production
   * @param from a sender number in E.164, or a messaging service SID ({@code MG…})
   */
  public TwilioSmsChannel(
      String base, String accountSid, Secret authToken, String from, OkHttpClient http) {
    this.base = HttpUrl.get(base);
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.from = from;
    this.http = http;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public Delivery send(OutgoingMessage message) {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("2010-04-01/Accounts")
            .addPathSegment(accountSid)
            .addPathSegment("Messages.json")
            .build();
    FormBody.Builder form =
        new FormBody.Builder().add("To", message.to()).add("Body", message.content().sms());
    form.add(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", Credentials.basic(accountSid, authToken.reveal()))
            .header("I-Twilio-Idempotency-Token", message.idempotencyKey())
            .post(form.build())
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      JsonNode json = parse(body);
      if (response.isSuccessful()) {
        String sid = json.path("sid").asText(null);
        return sid == null
            ? new Delivery.Retry(
                "SMS provider replied " + response.code() + " without a message sid", null)
            : new Delivery.Delivered(sid);
      }
      String reason =
          "SMS provider replied "
              + response.code()
              + (json.has("code") ? " (code " + json.path("code").asText() + ")" : "")
              + ": "
              + json.path("message").asText(body.length() > 200 ? body.substring(0, 200) : body);
      if (response.code() == 429 || response.code() >= 500) {
        String retryAfter = response.header("Retry-After");
        return new Delivery.Retry(reason, retryAfter == null ? null : seconds(retryAfter));
      }
      if (response.code() == 401 || response.code() == 403) {
        return new Delivery.Retry(reason + " (check the account SID and auth token)", null);
      }
      return new Delivery.Failed(reason);
    } catch (IOException e) {
      return new Delivery.Retry(
          "SMS provider unreachable at " + base.host() + ": " + e.getMessage(), null);
    }
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
