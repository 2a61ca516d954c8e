package io.dunhub.salesforce;

import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConnectionSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The settings of a Salesforce connection: their declaration and the checks beyond types. */
final class SalesforceSettings {
  static final String LOGIN_URL = "login_url";
  static final String AUTH = "auth";
  static final String CLIENT_ID = "client_id";
  static final String USERNAME = "username";
  static final String PRIVATE_KEY = "private_key";
  static final String PRIVATE_KEY_FILE = "private_key_file";
  static final String CLIENT_SECRET = "client_secret";
  static final String PASSWORD = "password";
  static final String MY_DOMAIN_URL = "my_domain_url";
  static final String API_VERSION = "api_version";
  static final String INVOICE_OBJECT = "invoice_object";
  static final String PAYMENT_OBJECT = "payment_object";
  static final String KEY_FIELD = "key_field";
  static final String API_SHARE = "api_share_percent";
  static final String MAX_CONCURRENT = "max_concurrent";
  static final String QUERY_BATCH = "query_batch_size";
  static final String ESCALATION_OWNER = "escalation_owner_id";
  static final String FIELDS_PREFIX = "fields_";
  static final List<String> STREAMS = List.of("account", "contact", "invoice", "payment");

  static final ConfigSpec SPEC = spec();

  private SalesforceSettings() {}

  private static ConfigSpec spec() {
    ConfigSpec spec =
        new ConfigSpec()
            .define(
                LOGIN_URL,
                ConfigSpec.Type.URL,
                false,
                "https://login.salesforce.com",
                "login server: https://login.salesforce.com, https://test.salesforce.com for"
                    + " sandboxes, or the org's My Domain URL")
            .define(
                AUTH,
                ConfigSpec.Type.STRING,
                false,
                "jwt",
                "jwt (JWT bearer flow, recommended), client_credentials, or password (developer"
                    + " orgs only)")
            .define(CLIENT_ID, ConfigSpec.Type.STRING, false, "the app's consumer key")
            .define(USERNAME, ConfigSpec.Type.STRING, false, "the integration user's username")
            .define(
                PRIVATE_KEY,
                ConfigSpec.Type.SECRET,
                false,
                "PKCS#8 PEM private key of the app's certificate (jwt)")
            .define(
                PRIVATE_KEY_FILE,
                ConfigSpec.Type.STRING,
                false,
                "path of a PKCS#8 PEM private key file (jwt), instead of private_key")
            .define(
                CLIENT_SECRET,
                ConfigSpec.Type.SECRET,
                false,
                "the app's consumer secret (client_credentials)")
            .define(
                PASSWORD,
                ConfigSpec.Type.SECRET,
                false,
                "password followed by the security token (password)")
            .define(
                MY_DOMAIN_URL,
                ConfigSpec.Type.URL,
                false,
                "the org's My Domain URL (client_credentials)")
            .define(API_VERSION, ConfigSpec.Type.STRING, false, "65.0", "SOAP API version")
            .define(
                INVOICE_OBJECT,
                ConfigSpec.Type.STRING,
                false,
                "Dunhub_Invoice__c",
                "the org's invoice object: blng__Invoice__c for Salesforce Billing")
            .define(
                PAYMENT_OBJECT,
                ConfigSpec.Type.STRING,
                false,
                "Dunhub_Payment__c",
                "the org's payment object: blng__Payment__c for Salesforce Billing")
            .define(
                KEY_FIELD,
                ConfigSpec.Type.STRING,
                false,
                "Dunhub_Key__c",
                "the external-id field idempotent writes upsert on")
            .define(
                API_SHARE,
                ConfigSpec.Type.INT,
                false,
                "50",
                "slow down as the org's daily API usage nears this percentage, stop at it")
            .define(
                MAX_CONCURRENT,
                ConfigSpec.Type.INT,
                false,
                "4",
                "most requests in flight at once (the org allows 25, Developer Edition 5)")
            .define(
                QUERY_BATCH,
                ConfigSpec.Type.INT,
                false,
                "2000",
                "rows per query batch, 200 to 2000")
            .define(
                ESCALATION_OWNER,
                ConfigSpec.Type.STRING,
                false,
                "user or queue id that owns escalation tasks (default: the account owner)");
    for (String stream : STREAMS) {
      spec.define(
          FIELDS_PREFIX + stream,
          ConfigSpec.Type.STRING,
          false,
          "comma-separated fields to read from the "
              + stream
              + " object (default: every field, from describeSObject)");
    }
    return spec;
  }

  static List<ConfigProblem> validate(ConnectionSettings s) {
    List<ConfigProblem> problems = new ArrayList<>(SPEC.validate(s));
    String auth = s.get(AUTH, "jwt");
    switch (auth) {
      case "jwt" -> {
        require(s, CLIENT_ID, "the JWT bearer flow", problems);
        require(s, USERNAME, "the JWT bearer flow", problems);
        if (!s.has(PRIVATE_KEY) && !s.has(PRIVATE_KEY_FILE)) {
          problems.add(
              new ConfigProblem(
                  PRIVATE_KEY,
                  "the JWT bearer flow needs private_key (from the secret store) or private_key_file"));
        }
      }
      case "client_credentials" -> {
        require(s, CLIENT_ID, "the client-credentials flow", problems);
        require(s, CLIENT_SECRET, "the client-credentials flow", problems);
        require(
            s,
            MY_DOMAIN_URL,
            "the client-credentials flow (it runs on the My Domain host)",
            problems);
      }
      case "password" -> {
        require(s, USERNAME, "password login", problems);
        require(s, PASSWORD, "password login", problems);
      }
      default ->
          problems.add(
              new ConfigProblem(
                  AUTH, "must be jwt, client_credentials or password, got '" + auth + "'"));
    }
    range(s, API_SHARE, 1, 100, problems);
    range(s, MAX_CONCURRENT, 1, 25, problems);
    range(s, QUERY_BATCH, 200, 2000, problems);
    if (!s.get(API_VERSION, "65.0").matches("\\d+\\.0")) {
      problems.add(new ConfigProblem(API_VERSION, "must look like 65.0"));
    }
    return problems;
  }

  static List<String> fields(ConnectionSettings s, String stream) {
    return s.get(FIELDS_PREFIX + stream)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList())
        .orElse(null);
  }

  private static void require(
      ConnectionSettings s, String key, String what, List<ConfigProblem> p) {
    if (!s.has(key)) {
      p.add(new ConfigProblem(key, "is required for " + what));
    }
  }

  private static void range(
      ConnectionSettings s, String key, int min, int max, List<ConfigProblem> p) {
    String v = s.get(key).orElse(null);
    if (v == null) {
      return;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        p.add(new ConfigProblem(key, "must be from " + min + " to " + max + ", got " + n));
      }
    } catch (NumberFormatException e) {
      // the spec already reported it
    }
  }
}
