package io.dunhub.core.mapping.internal;

/** A value a transform cannot convert. Cheap: no stack trace, it is a data outcome. */
final class TransformFailure extends Exception {
  private final String value;

  TransformFailure(String value, String reason) {
    super(reason, null, false, false);
    this.value = value;
  }

  String value() {
    return value;
  }
}
