package io.dunhub.salesforce.internal;

import io.dunhub.core.secret.Secret;
import java.util.Objects;

/**
 * An authenticated session: the access token (used as the SOAP session id) and the org's instance
 * URL it is valid for.
 */
public record SalesforceSession(Secret sessionId, String instanceUrl) {
  public SalesforceSession {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    instanceUrl =
        instanceUrl.endsWith("/")
            ? instanceUrl.substring(0, instanceUrl.length() - 1)
            : instanceUrl;
  }

  @Override
  public String toString() {
    return "SalesforceSession[" + instanceUrl + "]";
  }
}
