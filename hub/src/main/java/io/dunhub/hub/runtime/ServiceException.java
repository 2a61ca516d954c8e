package io.dunhub.hub.runtime;

/** A service that could not start; the message says which and why. */
public final class ServiceException extends RuntimeException {

  public ServiceException(String service, Throwable cause) {
    super(
        service + " could not start: " + describe(Failures.unwrap(cause)), Failures.unwrap(cause));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
