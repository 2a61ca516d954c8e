package io.dunhub.hub.notice;

/**
 * How notices look and who they come from.
 *
 * @param name the company name customers know
 * @param primaryColour CSS colour of headings and buttons, e.g. {@code #0b5394}
 * @param accentColour CSS colour of rules and highlights
 * @param logoUrl an absolute URL of the logo, or null
 * @param replyTo the address for replies, or null
 */
public record Brand(
    String name, String primaryColour, String accentColour, String logoUrl, String replyTo) {
  public static Brand plain(String name) {
    return new Brand(name, "#1f3a5f", "#d9e2ec", null, null);
  }
}
