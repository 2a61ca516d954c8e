package io.dunhub.hub.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dunhub.core.secret.Secret;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioSmsChannelIT {

  private static final String PATH = "/2010-04-01/Accounts/AC0123/Messages.json";
  private static WireMockServer twilio;
  private TwilioSmsChannel channel;
  private OutgoingMessage message;

  @BeforeAll
  static void start() {
    twilio = new WireMockServer(options().dynamicPort());
    twilio.start();
  }

  @AfterAll
  static void stop() {
    twilio.stop();
  }

  @BeforeEach
  void setUp() {
    twilio.resetAll();
    channel =
        new TwilioSmsChannel(
            twilio.baseUrl(),
            "AC0123",
            Secret.of("tok3n"),
            "+15005550006",
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build());
    RenderedNotice rendered =
        new NoticeRenderer()
            .render("overdue-reminder", NoticeRendererTest.content(Locale.US, "Acme"));
    message =
        new OutgoingMessage(
            "notice:case-1:due+7d:SMS:c-1", "+14155550100", "Bea", rendered, null, null, null);
  }

  @Test
  void postsTheMessageInTwiliosShapeAndKeepsItsSid() {
    twilio.stubFor(
        post(urlEqualTo(PATH))
            .withBasicAuth("AC0123", "tok3n")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\"SM9f2c\",\"status\":\"queued\",\"to\":\"+14155550100\"}")));

    assertThat(channel.send(message)).isEqualTo(new Delivery.Delivered("SM9f2c"));

    twilio.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withHeader("I-Twilio-Idempotency-Token", equalTo("notice:case-1:due+7d:SMS:c-1"))
            .withRequestBody(containing("To=%2B14155550100"))
            .withRequestBody(containing("From=%2B15005550006"))
            .withRequestBody(containing("Body=Northwind%3A%20%E2%82%AC1%2C440.50%20is%20overdue")));
  }

  @Test
  void anInvalidNumberFailsForGoodWithTwiliosMessage() {
    twilio.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":21211,\"message\":\"The 'To' number +1415 is not a valid phone number.\",\"status\":400}")));

    Delivery d = channel.send(message);

    assertThat(d).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) d).reason())
        .isEqualTo(
            "SMS provider replied 400 (code 21211): The 'To' number +1415 is not a valid phone number.");
  }

  @Test
  void rateLimitsAndOutagesAreRetried() {
    twilio.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}")));
    assertThat(channel.send(message))
        .isInstanceOfSatisfying(
            Delivery.Retry.class, r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(30)));

    twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    assertThat(channel.send(message)).isInstanceOf(Delivery.Retry.class);

    twilio.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":20003,\"message\":\"Authenticate\"}")));
    Delivery unauthorised = channel.send(message);
    assertThat(unauthorised).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) unauthorised).reason()).doesNotContain("tok3n");
  }
}
