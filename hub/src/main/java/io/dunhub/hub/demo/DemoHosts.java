package io.dunhub.hub.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.secret.Secret;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxRealm;
import io.dunhub.salesforce.sandbox.SalesforceSandbox;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Everything the demo hub talks to, on free local ports: a Salesforce org, a QuickBooks Online
 * company and a NetSuite account (each connector's own WireMock sandbox, sharing the demo's clock),
 * GreenMail as the SMTP (and IMAP) server, and a WireMock stub answering like Twilio's Messages
 * API. Credentials are made up here and handed to the hub only through its config file.
 */
public final class DemoHosts implements AutoCloseable {

  static final String SF_CLIENT_ID = "3MVG9northwindDemoHub";
  static final String SF_USERNAME = "dunhub.integration@northwind-supply.example";
  static final String QBO_CLIENT_ID = "ABnorthwindDemoClient";
  static final String QBO_CLIENT_SECRET = "demo-qbo-client-secret";
  static final String QBO_REALM = "9341453126001";
  static final String NS_ACCOUNT = "7654321_SB1";
  static final String NS_CONSUMER_KEY = "ck-northwind-demo";
  static final String NS_CONSUMER_SECRET = "cs-northwind-demo";
  static final String NS_TOKEN_ID = "tk-northwind-demo";
  static final String NS_TOKEN_SECRET = "ts-northwind-demo";
  static final String SMS_ACCOUNT = "AC4e0rthw1nd0demo000000000000000";
  static final String SMS_TOKEN = "demo-sms-token";
  static final String SMS_PATH = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";

  private final SalesforceSandbox salesforce;
  private final String salesforceKey;
  private final QboSandbox quickbooks;
  private final SandboxRealm realm;
  private final NetSuiteSandbox netsuite;
  private final GreenMail mail;
  private final WireMockServer sms;
  private final InMemoryHost cards;

  private DemoHosts(
      Clock clock,
      SalesforceSandbox salesforce,
      String salesforceKey,
      QboSandbox quickbooks,
      NetSuiteSandbox netsuite,
      GreenMail mail,
      WireMockServer sms) {
    this.salesforce = salesforce;
    this.salesforceKey = salesforceKey;
    this.quickbooks = quickbooks;
    this.realm = quickbooks.createRealm(QBO_REALM);
    this.netsuite = netsuite;
    this.mail = mail;
    this.sms = sms;
    this.cards =
        InMemoryHost.create("northwind-cards-" + Long.toHexString(System.nanoTime()), clock);
  }

  /** Starts every host, empty; the sandboxes stamp their records with {@code clock}. */
  public static DemoHosts start(Clock clock) {
    SalesforceSandbox sf = null;
    QboSandbox qbo = null;
    NetSuiteSandbox ns = null;
    GreenMail mail = null;
    WireMockServer sms = null;
    try {
      sf = SalesforceSandbox.start(clock);
      String pem = sf.registerJwtApp(SF_CLIENT_ID, SF_USERNAME);
      qbo = new QboSandbox(clock, QBO_CLIENT_ID, QBO_CLIENT_SECRET).start();
      ns = NetSuiteSandbox.start(NS_ACCOUNT, clock, ZoneOffset.UTC);
      ns.registerTba(
          NS_CONSUMER_KEY, Secret.of(NS_CONSUMER_SECRET), NS_TOKEN_ID, Secret.of(NS_TOKEN_SECRET));
      mail =
          new GreenMail(
              new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
              });
      mail.start();
      sms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      sms.start();
      sms.stubFor(
          post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\","
                              + "\"status\":\"queued\"}")
                      .withTransformers("response-template")));
      return new DemoHosts(clock, sf, pem, qbo, ns, mail, sms);
    } catch (RuntimeException e) {
      closeQuietly(sf, qbo, ns, sms);
      if (mail != null) {
        mail.stop();
      }
      throw e;
    }
  }

  public SalesforceSandbox salesforce() {
    return salesforce;
  }

  /** The private key of the Salesforce connected app (PKCS#8 PEM), as an admin would keep it. */
  String salesforceKey() {
    return salesforceKey;
  }

  public QboSandbox quickbooks() {
    return quickbooks;
  }

  public SandboxRealm realm() {
    return realm;
  }

  public NetSuiteSandbox netsuite() {
    return netsuite;
  }

  /** The card payment processor (an in-memory host). */
  public InMemoryHost cards() {
    return cards;
  }

  public GreenMail mail() {
    return mail;
  }

  public int smtpPort() {
    return mail.getSmtp().getPort();
  }

  public int imapPort() {
    return mail.getImap().getPort();
  }

  public String smsBaseUrl() {
    return "http://127.0.0.1:" + sms.port();
  }

  /** Text messages the SMS stub accepted. */
  public int smsSent() {
    return sms.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/.*"))).size();
  }

  /** Emails GreenMail received. */
  public int emailsReceived() {
    return mail.getReceivedMessages().length;
  }

  /** The endpoints to print. */
  public String describe() {
    return String.join(
        "\n",
        "  Salesforce org      " + salesforce.loginUrl() + "  (SOAP partner API, OAuth JWT bearer)",
        "  QuickBooks company  http://localhost:"
            + quickbooks.port()
            + "/v3/company/"
            + QBO_REALM
            + "  (realm "
            + QBO_REALM
            + ")",
        "  NetSuite account    " + netsuite.baseUrl() + "  (account " + NS_ACCOUNT + ", TBA)",
        "  Mail (GreenMail)    SMTP 127.0.0.1:"
            + smtpPort()
            + ", IMAP 127.0.0.1:"
            + imapPort()
            + " (user and password: any recipient's address)",
        "  SMS (Twilio stub)   " + smsBaseUrl() + "/__admin/requests  (every text sent)");
  }

  @Override
  public void close() {
    closeQuietly(salesforce, quickbooks, netsuite, sms);
    mail.stop();
    InMemoryHost.remove(cards.name());
  }

  private static void closeQuietly(
      SalesforceSandbox sf, QboSandbox qbo, NetSuiteSandbox ns, WireMockServer sms) {
    for (Runnable r :
        new Runnable[] {
          () -> {
            if (sf != null) sf.close();
          },
          () -> {
            if (qbo != null) qbo.close();
          },
          () -> {
            if (ns != null) ns.close();
          },
          () -> {
            if (sms != null) sms.stop();
          }
        }) {
      try {
        r.run();
      } catch (RuntimeException ignored) {
        // stopping a local server; nothing to do about a failure
      }
    }
  }
}
