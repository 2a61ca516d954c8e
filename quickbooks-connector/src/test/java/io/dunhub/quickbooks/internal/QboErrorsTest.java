package io.dunhub.quickbooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.intuit.ipp.data.Error;
import com.intuit.ipp.exception.FMSException;
import com.intuit.ipp.exception.ServiceException;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QboErrorsTest {

  private final QboErrors errors = new QboErrors("acme-books", Duration.ofSeconds(60));

  @Test
  void throttlingIsRetryableAfterIntuitsMinute() {
    ConnectorException e =
        errors.map(
            "read Invoice page",
            new ServiceException(
                List.of(
                    error("3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429"))));
    assertThat(e).isInstanceOf(RetryableException.class);
    assertThat(((RetryableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(e.getMessage()).startsWith("acme-books: read Invoice page").contains("3001");
  }

  @Test
  void aRejectedAuthorizationAsksToReconnect() {
    ConnectorException e =
        errors.map(
            "read Invoice page",
            new com.intuit.ipp.exception.AuthenticationException(
                List.of(error("3200", "AuthenticationFailed"))));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).contains("Reconnect QuickBooks").doesNotContain("Exception");
  }

  @Test
  void validationFaultsArePermanentWithQuickBooksOwnText() {
    ConnectorException e =
        errors.map(
            "create Payment", new FMSException(List.of(error("2500", "Invalid Reference Id"))));
    assertThat(e).isInstanceOf(PermanentException.class);
    assertThat(e.hostMessage()).isEqualTo("Invalid Reference Id: detail of 2500 (code 2500)");

    ConnectorException stale =
        errors.map(
            "update Customer 5", new FMSException(List.of(error("5010", "Stale Object Error"))));
    assertThat(stale).isInstanceOf(PermanentException.class);
    assertThat(stale.getMessage()).contains("5010");

    assertThat(errors.map("read", new FMSException(List.of(error("4000", "Error parsing query")))))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void serverAndNetworkFailuresAreRetryable() {
    assertThat(
            errors.map("read", new FMSException(List.of(error("10000", "An application error")))))
        .isInstanceOf(RetryableException.class);
    ConnectorException network =
        errors.map("read", new FMSException("I/O", new SocketTimeoutException("Read timed out")));
    assertThat(network).isInstanceOf(RetryableException.class);
    assertThat(network.getMessage()).contains("could not reach QuickBooks").contains("timed out");
    assertThat(errors.map("read", new FMSException("<html>500</html>")).getMessage())
        .contains("failed on the QuickBooks side");
    assertThat(errors.emptyReply("read Invoice page")).isInstanceOf(RetryableException.class);
  }

  private static Error error(String code, String message) {
    Error e = new Error();
    e.setCode(code);
    e.setMessage(message);
    e.setDetail("detail of " + code);
    return e;
  }
}
