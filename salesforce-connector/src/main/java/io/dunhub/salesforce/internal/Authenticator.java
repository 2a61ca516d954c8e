package io.dunhub.salesforce.internal;

/**
 * Obtains a new session. Implementations: {@link JwtBearerAuthenticator}, {@link
 * ClientCredentialsAuthenticator}, {@link SoapLoginAuthenticator}. Failures come out mapped: an
 * {@code AuthenticationException} when a person must act (re-authorize the app), a {@code
 * RetryableException} when the login server is unreachable.
 */
public interface Authenticator {
  SalesforceSession login();
}
