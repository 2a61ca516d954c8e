package io.dunhub.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A postal address as a host keeps it, for letters. Every part is optional and kept as written
 * (hosts disagree on country codes and region names); blank parts become null, and an address with
 * no part at all is no address ({@link #of} returns null).
 *
 * @param street one or more street lines, separated by line breaks
 * @param region state, province or county
 * @param country the country as the host writes it (a name or a code)
 */
public record PostalAddress(
    String street, String city, String region, String postalCode, String country) {

  /** Longest accepted part: a host field longer than this is not an address line. */
  static final int MAX_PART = 500;

  public PostalAddress {
    street = part(street, "street");
    city = part(city, "city");
    region = part(region, "region");
    postalCode = part(postalCode, "postal code");
    country = part(country, "country");
  }

  /** The address, or null when every part is blank. */
  public static PostalAddress of(
      String street, String city, String region, String postalCode, String country) {
    PostalAddress a = new PostalAddress(street, city, region, postalCode, country);
    return a.blank() ? null : a;
  }

  public boolean blank() {
    return street == null
        && city == null
        && region == null
        && postalCode == null
        && country == null;
  }

  /**
   * The lines as printed on an envelope: the street lines, then "postal code city region" (the
   * parts present), then the country.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (street != null) {
      for (String l : street.split("\\R")) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
    }
    StringBuilder town = new StringBuilder();
    for (String p : new String[] {postalCode, city, region}) {
      if (p != null) {
        if (town.length() > 0) {
          town.append(' ');
        }
        town.append(p);
      }
    }
    if (town.length() > 0) {
      lines.add(town.toString());
    }
    if (country != null) {
      lines.add(country);
    }
    return List.copyOf(lines);
  }

  private static String part(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_PART) {
      throw new IllegalArgumentException(
          "address " + name + " is longer than " + MAX_PART + " characters");
    }
    return v;
  }
}
