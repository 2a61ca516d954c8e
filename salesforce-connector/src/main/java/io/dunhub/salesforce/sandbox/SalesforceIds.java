package io.dunhub.salesforce.sandbox;

/** Builds 18-character Salesforce ids: a 15-character case-sensitive id plus its checksum. */
final class SalesforceIds {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** The {@code n}th id of an object with this key prefix, in pod {@code pod} (two characters). */
  static String id(String keyPrefix, String pod, long n) {
    StringBuilder digits = new StringBuilder();
    long v = n;
    do {
      digits.insert(0, BASE62.charAt((int) (v % 62)));
      v /= 62;
    } while (v > 0);
    StringBuilder id = new StringBuilder(keyPrefix).append(pod);
    while (id.length() + digits.length() < 15) {
      id.append('0');
    }
    id.append(digits);
    return id + checksum(id.toString());
  }

  /** The three-character suffix that makes a 15-character id case-insensitive. */
  static String checksum(String id15) {
    StringBuilder suffix = new StringBuilder();
    for (int chunk = 0; chunk < 3; chunk++) {
      int flags = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          flags |= 1 << i;
        }
      }
      suffix.append(SUFFIX.charAt(flags));
    }
    return suffix.toString();
  }
}
