package io.dunhub.netsuite;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A NetSuite account id in both of its forms, from one setting: the OAuth realm is uppercase with
 * an underscore ({@code 1234567_SB1}), the host name lowercase with a hyphen ({@code 1234567-sb1}).
 * Either form, in any case, is accepted.
 */
public record NetSuiteAccount(String realm, String hostPrefix) {

  private static final Pattern FORM = Pattern.compile("[0-9]+([_-][A-Za-z]+[0-9]*)?");

  /** Parses either form; empty when the text is not an account id. */
  public static Optional<NetSuiteAccount> parse(String accountId) {
    if (accountId == null) {
      return Optional.empty();
    }
    String id = accountId.trim();
    if (!FORM.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new NetSuiteAccount(
            id.toUpperCase(Locale.ROOT).replace('-', '_'),
            id.toLowerCase(Locale.ROOT).replace('_', '-')));
  }

  /** {@code https://<host prefix>.suitetalk.api.netsuite.com}, the REST and SuiteQL base URL. */
  public String defaultBaseUrl() {
    return "https://" + hostPrefix + ".suitetalk.api.netsuite.com";
  }
}
