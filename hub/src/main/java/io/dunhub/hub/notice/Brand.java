package io.dunhub.hub.notice;

/**
 * How notices look and who they come from.
 *
 * @param name the company name customers know
 * @param primaryColour CSS colour of headings and buttons, e.g. {@code #0b5394}
 * @param accentColour CSS colour of rules and highlights
 * @param logoUrl an absolute URL of the logo, or null
 * @param replyTo the address for replies, or null
 * @param footer a line under every notice (company address, registration), or null
 */
public record Brand(
    String name,
    String primaryColour,
    String accentColour,
    String logoUrl,
    String replyTo,
    String footer) {

  public static final String PRIMARY = "#1f3a5f";
  public static final String ACCENT = "#d9e2ec";

  public Brand(
      String name, String primaryColour, String accentColour, String logoUrl, String replyTo) {
    this(name, primaryColour, accentColour, logoUrl, replyTo, null);
  }

  public static Brand plain(String name) {
    return new Brand(name, PRIMARY, ACCENT, null, null, null);
  }
}
