package io.dunhub.netsuite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.CallOptions;
import io.dunhub.core.http.HttpErrorMapper;
import io.dunhub.core.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** NetSuite's error bodies through the shared error mapping, as every NetSuite call sees them. */
class NetSuiteErrorExtractorTest {

  private final HttpErrorMapper mapper =
      new HttpErrorMapper(
          "acme", new NetSuiteErrorExtractor(), ManualClock.at("2026-11-23T12:00:00Z"));

  private static String fixture(String name) throws IOException {
    try (InputStream in = NetSuiteErrorExtractorTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ConnectorException map(int status, String body, String retryAfter, String about) {
    Request request =
        CallOptions.none()
            .about(about)
            .applyTo(
                new Request.Builder()
                    .url(
                        "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/note/eid:n-1?fields=id")
                    .put(okhttp3.RequestBody.create("{}", MediaType.get("application/json"))))
            .build();
    Response.Builder b =
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("status")
            .body(ResponseBody.create(body, MediaType.get("application/json")));
    if (retryAfter != null) {
      b.header("Retry-After", retryAfter);
    }
    return mapper.map(b.build());
  }

  @Test
  void aValidationErrorIsPermanentAndNamesCodeFieldPathAndWhere() throws IOException {
    ConnectorException e = map(400, fixture("invalid-reference.json"), null, "write note eid:n-1");

    assertThat(e).isInstanceOf(PermanentException.class);
    assertThat(e.getMessage())
        .startsWith("acme: write note eid:n-1: PUT")
        .contains("failed with 400 INVALID_KEY_OR_REF")
        .contains("Invalid transaction reference key 999999. (at transaction)")
        .as("no query in messages")
        .doesNotContain("fields=id");
    assertThat(e.hostMessage())
        .isEqualTo("Invalid transaction reference key 999999. (at transaction)");
  }

  @Test
  void theConcurrencyLimitIsRetryableAfterTheHostsDelayAndSaysWhatToLower() throws IOException {
    ConnectorException e = map(429, fixture("concurrency-limit.json"), "3", "read invoice");

    assertThat(e).isInstanceOf(RetryableException.class);
    assertThat(((RetryableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("CONCURRENCY_LIMIT_EXCEEDED").contains("maxConcurrency");
  }

  @Test
  void refusedCredentialsAndMissingPermissionsAreTheAdminsToFix() throws IOException {
    assertThat(map(401, fixture("invalid-login.json"), null, "check"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("INVALID_LOGIN")
        .hasMessageContaining("Login Audit Trail");
    assertThat(map(403, fixture("insufficient-permission.json"), null, "write note"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Notes Tab")
        .hasMessageContaining("integration role lacks a permission");
  }

  @Test
  void serverErrorsAndUnreadableBodiesAreRetryable() {
    ConnectorException e = map(502, "<html>Bad Gateway</html>", null, "read");
    assertThat(e).isInstanceOf(RetryableException.class).hasMessageContaining("failed with 502");
  }

  @Test
  void anOAuthErrorBodyGivesItsCode() {
    assertThat(
            NetSuiteErrorExtractor.parse(
                400, "{\"error\":\"invalid_client\",\"error_description\":\"bad cert\"}"))
        .satisfies(
            h -> {
              assertThat(h.code()).isEqualTo("invalid_client");
              assertThat(h.message()).isEqualTo("bad cert");
            });
  }
}
