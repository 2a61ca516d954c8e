package io.dunhub.salesforce;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.core.http.Retrier;
import io.dunhub.core.http.RetryPolicy;
import io.dunhub.core.http.Sleeper;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.secret.Secret;
import io.dunhub.salesforce.internal.ApiBudget;
import io.dunhub.salesforce.internal.ApiUsageTracker;
import io.dunhub.salesforce.internal.Authenticator;
import io.dunhub.salesforce.internal.ClientCredentialsAuthenticator;
import io.dunhub.salesforce.internal.JwtBearerAuthenticator;
import io.dunhub.salesforce.internal.SalesforceClient;
import io.dunhub.salesforce.internal.SoapLoginAuthenticator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce on Force WSC (partner SOAP API 65.0): OAuth 2.0 JWT bearer or client credentials (or
 * SOAP login for developer orgs), incremental SOQL reads with deletes, idempotent upserts in
 * batches of 200, and an org-wide API budget. Install Dunhub's metadata with {@link
 * SalesforceInstaller}.
 */
public final class SalesforceConnector implements HostConnector {
  public static final String ID = "salesforce";

  private static final Capabilities CAPABILITIES =
      new Capabilities(
          List.of(
              new StreamSpec("Account", EntityType.PARTY),
              new StreamSpec("Contact", EntityType.CONTACT),
              new StreamSpec("Invoice", EntityType.INVOICE),
              new StreamSpec("Payment", EntityType.PAYMENT)),
          List.of(
              new SinkSpec("Account", EntityType.PARTY, 200),
              new SinkSpec("Contact", EntityType.CONTACT, 200),
              new SinkSpec("Dunhub_Invoice__c", EntityType.INVOICE, 200),
              new SinkSpec("Dunhub_Payment__c", EntityType.PAYMENT, 200),
              new SinkSpec("Dunning_Notice__c", EntityType.ACTIVITY, 200),
              new SinkSpec("Task", EntityType.ACTIVITY, 200),
              new SinkSpec("ContentVersion", EntityType.ACTIVITY, 10),
              new SinkSpec(SalesforceConnection.ACTIVITY_WRITE_BACK, EntityType.ACTIVITY, 200)),
          2000,
          new RateLimit(100, Duration.ofSeconds(1), 25));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ConfigSpec configSpec() {
    return SalesforceSettings.SPEC;
  }

  @Override
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    return SalesforceSettings.validate(settings);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    List<ConfigProblem> problems = validate(context.settings());
    if (!problems.isEmpty()) {
      return CheckResult.failed(CheckResult.Status.MISCONFIGURED, problems.toString());
    }
    try {
      SalesforceConnection c = open(context);
      var info = c.client().once("check", p -> p.getUserInfo());
      return CheckResult.ok(
          "connected to "
              + info.getOrganizationName()
              + " ("
              + info.getOrganizationId()
              + ") as "
              + info.getUserName());
    } catch (ConnectorException e) {
      return CheckResult.of(e);
    }
  }

  @Override
  public SalesforceConnection open(ConnectionContext context) {
    ConnectionSettings s = context.settings();
    String name = s.connection();
    Sleeper sleeper = Sleeper.forClock(context.clock());
    int concurrent = s.getInt(SalesforceSettings.MAX_CONCURRENT, 4);
    RateLimit limit = new RateLimit(100, Duration.ofSeconds(1), concurrent);
    Retrier retrier =
        new Retrier(
            RetryPolicy.defaults(),
            ConnectionThrottles.shared().forConnection(name, limit, context.clock(), sleeper),
            context.clock(),
            sleeper);
    ApiUsageTracker usage = new ApiUsageTracker(context.clock());
    ApiBudget budget =
        new ApiBudget(
            s.getInt(SalesforceSettings.API_SHARE, 50) / 100.0,
            usage,
            sleeper,
            Duration.ofSeconds(2));
    SalesforceClient client =
        new SalesforceClient(
            name,
            authenticator(context),
            s.get(SalesforceSettings.API_VERSION, "65.0"),
            concurrent,
            s.getInt(SalesforceSettings.QUERY_BATCH, 2000),
            budget,
            usage,
            retrier);
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("Account", "Account");
    objects.put("Contact", "Contact");
    objects.put("Invoice", s.get(SalesforceSettings.INVOICE_OBJECT, "Dunhub_Invoice__c"));
    objects.put("Payment", s.get(SalesforceSettings.PAYMENT_OBJECT, "Dunhub_Payment__c"));
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String stream : SalesforceSettings.STREAMS) {
      List<String> f = SalesforceSettings.fields(s, stream);
      if (f != null) {
        fields.put(objects.get(Character.toUpperCase(stream.charAt(0)) + stream.substring(1)), f);
      }
    }
    return new SalesforceConnection(
        name,
        client,
        usage,
        context.clock(),
        objects,
        fields,
        s.get(SalesforceSettings.KEY_FIELD, "Dunhub_Key__c"),
        s.get(SalesforceSettings.ESCALATION_OWNER).orElse(null));
  }

  private static Authenticator authenticator(ConnectionContext context) {
    ConnectionSettings s = context.settings();
    String name = s.connection();
    String loginUrl = s.get(SalesforceSettings.LOGIN_URL, "https://login.salesforce.com");
    String auth = s.get(SalesforceSettings.AUTH, "jwt");
    return switch (auth) {
      case "jwt" ->
          new JwtBearerAuthenticator(
              context.http(),
              loginUrl,
              s.require(SalesforceSettings.CLIENT_ID),
              s.require(SalesforceSettings.USERNAME),
              privateKey(s),
              context.clock(),
              name);
      case "client_credentials" ->
          new ClientCredentialsAuthenticator(
              context.http(),
              s.require(SalesforceSettings.MY_DOMAIN_URL),
              s.require(SalesforceSettings.CLIENT_ID),
              s.requireSecret(SalesforceSettings.CLIENT_SECRET),
              name);
      case "password" ->
          new SoapLoginAuthenticator(
              loginUrl,
              s.get(SalesforceSettings.API_VERSION, "65.0"),
              s.require(SalesforceSettings.USERNAME),
              s.requireSecret(SalesforceSettings.PASSWORD),
              name);
      default -> throw new ConfigurationException(name + ": unknown auth '" + auth + "'");
    };
  }

  private static Secret privateKey(ConnectionSettings s) {
    if (s.secret(SalesforceSettings.PRIVATE_KEY).isPresent()) {
      return s.secret(SalesforceSettings.PRIVATE_KEY).get();
    }
    String file = s.require(SalesforceSettings.PRIVATE_KEY_FILE);
    try {
      return Secret.of(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new ConfigurationException(
          s.connection() + ": cannot read private_key_file " + file + " (" + e.getMessage() + ")",
          e);
    }
  }
}
