package io.dunhub.salesforce.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Salesforce org on WireMock: the OAuth token endpoint, the partner SOAP API and the
 * metadata API's deploy calls, answering in Salesforce's wire format. A connector reaches it only
 * through its normal settings (login URL, client id, key); nothing in it knows it is a fake.
 *
 * <pre>{@code
 * try (SalesforceSandbox sf = SalesforceSandbox.start(Clock.systemUTC())) {
 *   String pem = sf.registerJwtApp("3MVG9demo", "integration@dunhub-demo.example");
 *   SandboxSeed.realistic(42).accounts(50).apply(sf.org());
 *   // connect with login_url = sf.loginUrl(), client_id, username, private_key = pem
 * }
 * }</pre>
 */
public final class SalesforceSandbox implements AutoCloseable {
  private static final Pattern SOAP_PATH =
      Pattern.compile("/services/Soap/([um])/(\\d+\\.\\d)(/.*)?");

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final ApiCounter api = new ApiCounter();
  private final WireMockServer server;
  private volatile Duration latency = Duration.ZERO;
  private PartnerEndpoint partner;
  private MetadataEndpoint metadata;
  private OAuthEndpoint oauth;

  private SalesforceSandbox(Clock clock, int port) {
    this.org = new SandboxOrg(clock);
    this.auth = new SandboxAuth(clock);
    this.server =
        new WireMockServer(
            options()
                .port(port)
                .containerThreads(40)
                .disableRequestJournal()
                .extensions(new Router()));
  }

  /** Starts a sandbox on a free local port. */
  public static SalesforceSandbox start(Clock clock) {
    return start(clock, 0);
  }

  /** Starts a sandbox on {@code port} (0 for any free port). */
  public static SalesforceSandbox start(Clock clock, int port) {
    SalesforceSandbox sandbox = new SalesforceSandbox(clock, port);
    sandbox.server.start();
    String base = sandbox.loginUrl();
    sandbox.auth.audience(base);
    sandbox.partner = new PartnerEndpoint(sandbox.org, sandbox.auth, sandbox.api, base);
    sandbox.metadata = new MetadataEndpoint(sandbox.org, sandbox.auth);
    sandbox.oauth = new OAuthEndpoint(sandbox.org, sandbox.auth, base);
    sandbox.server.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(aResponse().withTransformers(Router.NAME)));
    sandbox.server.stubFor(
        post(urlPathMatching("/services/Soap/[um]/.*"))
            .willReturn(aResponse().withTransformers(Router.NAME)));
    return sandbox;
  }

  /** The login URL and the instance URL (one server plays both). */
  public String loginUrl() {
    return "http://localhost:" + server.port();
  }

  public SandboxOrg org() {
    return org;
  }

  public SandboxAuth auth() {
    return auth;
  }

  public ApiCounter api() {
    return api;
  }

  /** Every request waits this long before it is answered (simulates network and server time). */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  /** {@code Type:FullName} of every metadata component deployed so far. */
  public List<String> deployedComponents() {
    return metadata.deployedComponents();
  }

  /** Installs the Salesforce Billing package's invoice and payment objects. */
  public void installBillingPackage() {
    StandardObjects.registerBillingPackage(org);
  }

  /**
   * Registers a connected app for the JWT bearer flow, pre-authorized for {@code username}, with a
   * fresh RSA key; returns the private key as PKCS#8 PEM, as an admin would keep it.
   */
  public String registerJwtApp(String clientId, String username) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair pair = g.generateKeyPair();
      auth.connectedApp(clientId, (RSAPublicKey) pair.getPublic());
      if (org.userId(username).isEmpty()) {
        org.addUser(username, "Dunhub Integration");
      }
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .encodeToString(pair.getPrivate().getEncoded());
      return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Routes every request to the endpoint that owns its path. */
  private final class Router implements ResponseDefinitionTransformerV2 {
    static final String NAME = "salesforce-sandbox";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String path = event.getRequest().getUrl();
      int q = path.indexOf('?');
      if (q >= 0) {
        path = path.substring(0, q);
      }
      boolean admitted = api.enter();
      try {
        if (!latency.isZero()) {
          Thread.sleep(latency.toMillis());
        }
        String body = event.getRequest().getBodyAsString();
        if (path.equals("/services/oauth2/token")) {
          OAuthEndpoint.Reply r = oauth.handle(body);
          return reply(r.status(), "application/json;charset=UTF-8", r.json());
        }
        Matcher m = SOAP_PATH.matcher(path);
        if (!m.matches()) {
          return reply(404, "text/plain", "not found");
        }
        if (!admitted) {
          return reply(
              500,
              "text/xml;charset=UTF-8",
              SoapWriter.fault(
                  SandboxException.fault(
                      "sf:UnexpectedErrorFault",
                      "REQUEST_LIMIT_EXCEEDED",
                      "ConcurrentPerOrgLongTxn Limit exceeded")));
        }
        if (m.group(1).equals("m")) {
          MetadataEndpoint.Reply r = metadata.handle(body);
          return reply(r.status(), "text/xml;charset=UTF-8", r.body());
        }
        PartnerEndpoint.Reply r = partner.handle(body, m.group(2));
        if (r.lost()) {
          return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
              .withFault(Fault.EMPTY_RESPONSE)
              .build();
        }
        return reply(r.status(), "text/xml;charset=UTF-8", r.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply(503, "text/plain", "interrupted");
      } finally {
        api.exit();
      }
    }

    private ResponseDefinition reply(int status, String contentType, String body) {
      return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
          .withStatus(status)
          .withHeader("Content-Type", contentType)
          .withHeader("Sforce-Limit-Info", "api-usage=" + api.used() + "/" + api.limit())
          .withBody(body)
          .build();
    }
  }
}
