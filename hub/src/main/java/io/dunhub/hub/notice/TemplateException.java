package io.dunhub.hub.notice;

/** A notice template is missing or does not render; the message names the template file. */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
