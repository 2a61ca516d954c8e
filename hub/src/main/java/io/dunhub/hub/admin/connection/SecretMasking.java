package io.dunhub.hub.admin.connection;

import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Shows connection settings without their secrets, and scrubs secrets out of host messages. */
final class SecretMasking {

  static final String MASK = "******";

  private SecretMasking() {}

  /** Every setting by name, secrets as {@value #MASK}. */
  static Map<String, String> settings(ConnectionSettings s) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (String name : new TreeSet<>(s.names())) {
      shown.put(name, s.secrets().containsKey(name) ? MASK : s.values().get(name));
    }
    return shown;
  }

  /** The text with every secret value of the settings replaced by {@value #MASK}. */
  static String scrub(String text, ConnectionSettings s) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Secret secret : s.secrets().values()) {
      String v = secret.reveal();
      if (v.length() >= 4) {
        out = out.replace(v, MASK);
      }
    }
    return out;
  }
}
