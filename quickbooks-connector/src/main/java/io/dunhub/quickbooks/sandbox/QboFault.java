package io.dunhub.quickbooks.sandbox;

/**
 * A QBO fault the sandbox answers with: HTTP status, fault type ({@code ValidationFault}, {@code
 * AUTHENTICATION}, {@code SERVICE}, {@code SystemFault}) and one error.
 */
final class QboFault extends RuntimeException {
  private final int status;
  private final String type;
  private final String code;
  private final String detail;
  private final String element;

  QboFault(int status, String type, String code, String message, String detail, String element) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.detail = detail;
    this.element = element;
  }

  static QboFault validation(String code, String message, String detail) {
    return new QboFault(400, "ValidationFault", code, message, detail, null);
  }

  static QboFault stale(String entity, String id) {
    return new QboFault(
        400,
        "ValidationFault",
        "5010",
        "Stale Object Error",
        "Stale Object Error : You and sandbox-user were working on this "
            + entity
            + " ("
            + id
            + ") at the same time. sandbox-user finished before you did, so your work was not"
            + " saved.",
        null);
  }

  static QboFault notFound(String entity, String id) {
    return new QboFault(
        400,
        "ValidationFault",
        "610",
        "Object Not Found",
        "Object Not Found : Something you're trying to use has been made inactive. Check the fields"
            + " with accounts, customers, items, vendors or employees. ("
            + entity
            + " "
            + id
            + ")",
        null);
  }

  /** The detail text of {@link #invalidReference()}. */
  static final String INVALID_REFERENCE_DETAIL =
      "Invalid Reference Id : Something you're trying to use has been made inactive. Check the"
          + " fields with accounts, customers, items, vendors or employees.";

  static QboFault invalidReference() {
    return new QboFault(
        400, "ValidationFault", "2500", "Invalid Reference Id", INVALID_REFERENCE_DETAIL, null);
  }

  static QboFault authentication() {
    return new QboFault(
        401,
        "AUTHENTICATION",
        "3200",
        "message=AuthenticationFailed; errorCode=003200; statusCode=401",
        "Token expired or revoked",
        null);
  }

  static QboFault throttled() {
    return new QboFault(
        429,
        "SERVICE",
        "3001",
        "message=ThrottleExceeded; errorCode=003001; statusCode=429",
        "The request limit was reached.  Try again later",
        null);
  }

  static QboFault server() {
    return new QboFault(
        500,
        "SystemFault",
        "10000",
        "An application error has occurred while processing your request",
        "System Failure Error: An unexpected error occurred while accessing or saving your data.",
        null);
  }

  static QboFault parser(String detail) {
    return new QboFault(
        400, "ValidationFault", "4000", "Error parsing query", "QueryParserError: " + detail, null);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String code() {
    return code;
  }

  String message() {
    return getMessage();
  }

  String detail() {
    return detail;
  }

  String element() {
    return element;
  }
}
