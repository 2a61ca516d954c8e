package io.dunhub.hub.config;

import java.util.Optional;

/**
 * How notices look and who they come from ({@code brand:} in {@code dunhub.yml}).
 *
 * @param name the company name customers know
 * @param primaryColour CSS hex colour of headings and buttons
 * @param accentColour CSS hex colour of rules and table headers
 * @param logoUrl an absolute http(s) URL of the logo
 * @param replyTo the address customers' replies go to
 * @param footer a line under every notice and letter (company address, registration number)
 */
public record BrandConfig(
    String name,
    String primaryColour,
    String accentColour,
    Optional<String> logoUrl,
    Optional<String> replyTo,
    Optional<String> footer) {

  public static final String DEFAULT_NAME = "Accounts Receivable";
  public static final String DEFAULT_PRIMARY = "#1f3a5f";
  public static final String DEFAULT_ACCENT = "#d9e2ec";

  public static BrandConfig defaults() {
    return new BrandConfig(
        DEFAULT_NAME,
        DEFAULT_PRIMARY,
        DEFAULT_ACCENT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
