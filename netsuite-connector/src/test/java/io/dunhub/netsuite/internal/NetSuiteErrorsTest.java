package io.dunhub.netsuite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetSuiteErrorsTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = NetSuiteErrorsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aValidationErrorIsPermanentAndNamesCodeFieldPathAndWhere() throws IOException {
    ConnectorException e =
        NetSuiteErrors.map(
            400, fixture("invalid-reference.json"), null, "acme: write note eid:n-1");

    assertThat(e).isInstanceOf(PermanentException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "acme: write note eid:n-1: INVALID_KEY_OR_REF at transaction: Invalid transaction"
                + " reference key 999999.");
    assertThat(e.hostMessage()).startsWith("INVALID_KEY_OR_REF at transaction");
  }

  @Test
  void theConcurrencyLimitIsRetryableAfterTheHostsDelay() throws IOException {
    ConnectorException e =
        NetSuiteErrors.map(429, fixture("concurrency-limit.json"), "3", "acme: read invoice");

    assertThat(e).isInstanceOf(RetryableException.class);
    assertThat(((RetryableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("CONCURRENCY_LIMIT_EXCEEDED").contains("maxConcurrency");
    assertThat(
            ((RetryableException)
                    NetSuiteErrors.map(429, fixture("concurrency-limit.json"), null, "x"))
                .retryAfter())
        .as("without Retry-After NetSuite still wants a pause")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusedCredentialsAndMissingPermissionsAreTheAdminsToFix() throws IOException {
    assertThat(NetSuiteErrors.map(401, fixture("invalid-login.json"), null, "acme: check"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("INVALID_LOGIN")
        .hasMessageContaining("integration record");
    assertThat(
            NetSuiteErrors.map(
                403, fixture("insufficient-permission.json"), null, "acme: write note"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Notes Tab");
  }

  @Test
  void serverErrorsAndUnreadableBodiesAreRetryable() {
    ConnectorException e = NetSuiteErrors.map(502, "<html>Bad Gateway</html>", null, "acme: read");
    assertThat(e).isInstanceOf(RetryableException.class).hasMessage("acme: read: HTTP 502");
  }

  @Test
  void theTokenEndpointsOAuthErrorIsAnAuthenticationFailure() {
    ConnectorException e =
        NetSuiteErrors.tokenRefused(400, "{\"error\":\"invalid_client\"}", "acme");
    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid_client");
    assertThat(NetSuiteErrors.tokenRefused(503, "", "acme")).isInstanceOf(RetryableException.class);
  }
}
