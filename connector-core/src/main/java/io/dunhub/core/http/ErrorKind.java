package io.dunhub.core.http;

/** The four kinds of the exception taxonomy, for an extractor to override a status's default. */
public enum ErrorKind {
  RETRYABLE,
  AUTHENTICATION,
  PERMANENT,
  CONFIGURATION
}
