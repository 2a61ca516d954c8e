package io.dunhub.core.connector;

/** The outcome of {@link HostConnector#check}: ok, or a failure of a known kind. */
public record CheckResult(Status status, String message) {

  /** How a check ended. */
  public enum Status {
    OK,
    AUTHENTICATION_FAILED,
    UNREACHABLE,
    MISCONFIGURED,
    FAILED
  }

  public static CheckResult ok(String message) {
    return new CheckResult(Status.OK, message);
  }

  public static CheckResult failed(Status status, String message) {
    return new CheckResult(status, message);
  }

  /** Classifies an exception from the taxonomy. */
  public static CheckResult of(ConnectorException e) {
    Status status;
    if (e instanceof AuthenticationException) {
      status = Status.AUTHENTICATION_FAILED;
    } else if (e instanceof RetryableException) {
      status = Status.UNREACHABLE;
    } else if (e instanceof ConfigurationException) {
      status = Status.MISCONFIGURED;
    } else {
      status = Status.FAILED;
    }
    return new CheckResult(status, e.getMessage());
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
