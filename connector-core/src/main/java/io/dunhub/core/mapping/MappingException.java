package io.dunhub.core.mapping;

/** A record that cannot be mapped: names the rule and the value. */
public class MappingException extends RuntimeException {
  private final String rule;
  private final String value;

  public MappingException(String rule, String value, String reason) {
    super(rule + ": " + reason + " (value: " + value + ")");
    this.rule = rule;
    this.value = value;
  }

  public String rule() {
    return rule;
  }

  public String value() {
    return value;
  }
}
