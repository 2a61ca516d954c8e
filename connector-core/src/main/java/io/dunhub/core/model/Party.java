package io.dunhub.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bill-to customer or account.
 *
 * @param id the canonical id, or null before the hub has stored it
 * @param country an ISO 3166 alpha-2 code, upper-cased ({@code us} becomes {@code US}), or null
 * @param timeZone the customer's zone; notices go out in its local hours
 * @param customerSince when the relationship started (for policies on customer age), may be null
 * @param attributes integrator-defined values by name (custom host fields a mapping carries), never
 *     null
 * @param accountOwner who owns the account in the host (a Salesforce user id, a NetSuite sales
 *     rep), the assignee of escalation tasks; null when unknown
 * @param address the billing address printed on letters, or null
 */
public record Party(
    String id,
    String name,
    String email,
    String phone,
    String country,
    Locale locale,
    ZoneId timeZone,
    String segment,
    Set<String> tags,
    String taxId,
    Instant customerSince,
    boolean excludedFromDunning,
    boolean inDispute,
    Map<String, String> attributes,
    String accountOwner,
    PostalAddress address) {

  public Party {
    Checks.requireText(name, "party name");
    tags = Checks.copy(tags);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (locale == null) {
      locale = Locale.ENGLISH;
    }
    if (timeZone == null) {
      timeZone = ZoneId.of("UTC");
    }
    if (country != null && country.isBlank()) {
      country = null;
    }
    if (country != null) {
      String code = country.trim().toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException(
            "party " + name + ": country must be an ISO 3166 alpha-2 code, got '" + country + "'");
      }
      country = code;
    }
    if (accountOwner != null) {
      accountOwner = accountOwner.strip();
      if (accountOwner.isEmpty()) {
        accountOwner = null;
      } else if (accountOwner.length() > 255
          || accountOwner.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "party " + name + ": account owner must be one line of at most 255 characters");
      }
    }
    if (address != null && address.blank()) {
      address = null;
    }
  }

  /** A party without an account owner or address. */
  public Party(
      String id,
      String name,
      String email,
      String phone,
      String country,
      Locale locale,
      ZoneId timeZone,
      String segment,
      Set<String> tags,
      String taxId,
      Instant customerSince,
      boolean excludedFromDunning,
      boolean inDispute,
      Map<String, String> attributes) {
    this(
        id,
        name,
        email,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        attributes,
        null,
        null);
  }

  /** A party without integrator-defined attributes. */
  public Party(
      String id,
      String name,
      String email,
      String phone,
      String country,
      Locale locale,
      ZoneId timeZone,
      String segment,
      Set<String> tags,
      String taxId,
      Instant customerSince,
      boolean excludedFromDunning,
      boolean inDispute) {
    this(
        id,
        name,
        email,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        Map.of());
  }

  /** A party with just a name; the rest defaulted. */
  public static Party named(String name) {
    return new Party(
        null, name, null, null, null, null, null, null, Set.of(), null, null, false, false);
  }

  public Party withId(String newId) {
    return new Party(
        newId,
        name,
        email,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        attributes,
        accountOwner,
        address);
  }

  /** The same party carrying these integrator-defined attributes (custom host fields). */
  public Party withAttributes(Map<String, String> newAttributes) {
    return new Party(
        id,
        name,
        email,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        newAttributes,
        accountOwner,
        address);
  }

  public Party withEmail(String newEmail) {
    return new Party(
        id,
        name,
        newEmail,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        attributes,
        accountOwner,
        address);
  }

  /** The same party with this account owner and billing address. */
  public Party withOwnerAndAddress(String newOwner, PostalAddress newAddress) {
    return new Party(
        id,
        name,
        email,
        phone,
        country,
        locale,
        timeZone,
        segment,
        tags,
        taxId,
        customerSince,
        excludedFromDunning,
        inDispute,
        attributes,
        newOwner,
        newAddress);
  }
}
