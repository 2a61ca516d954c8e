package io.dunhub.salesforce.internal;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.dunhub.core.secret.Secret;

/**
 * Username + password (+ security token) SOAP login, for development orgs only: production orgs
 * should use the JWT bearer flow.
 */
public final class SoapLoginAuthenticator implements Authenticator {
  private final String loginUrl;
  private final String apiVersion;
  private final String username;
  private final Secret password;
  private final String connection;

  public SoapLoginAuthenticator(
      String loginUrl, String apiVersion, String username, Secret password, String connection) {
    this.loginUrl =
        loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
    this.apiVersion = apiVersion;
    this.username = username;
    this.password = password;
    this.connection = connection;
  }

  @Override
  public SalesforceSession login() {
    ConnectorConfig config = new ConnectorConfig();
    config.setAuthEndpoint(loginUrl + "/services/Soap/u/" + apiVersion);
    config.setServiceEndpoint(loginUrl + "/services/Soap/u/" + apiVersion);
    config.setManualLogin(true);
    try {
      PartnerConnection partner = Connector.newConnection(config);
      LoginResult result = partner.login(username, password.reveal());
      String serverUrl = result.getServerUrl();
      int services = serverUrl.indexOf("/services/");
      return new SalesforceSession(
          Secret.of(result.getSessionId()),
          services < 0 ? serverUrl : serverUrl.substring(0, services));
    } catch (ConnectionException e) {
      throw SalesforceErrors.map(connection + ": SOAP login as " + username, e);
    }
  }
}
