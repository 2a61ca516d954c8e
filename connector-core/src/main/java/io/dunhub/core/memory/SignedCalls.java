package io.dunhub.core.memory;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.connector.AuthenticationException;
import java.util.function.Function;

/**
 * Signs a connection's calls to an in-memory host with its OAuth token, the way {@code
 * io.dunhub.core.http.OAuthInterceptor} signs HTTP calls: a refused token is refreshed once,
 * through the single-flight refresher, and the call made again; a second refusal is an {@link
 * AuthenticationException}.
 */
final class SignedCalls {

  /** The host refused the token of a call (its 401). */
  static final class TokenRefused extends RuntimeException {
    TokenRefused(String message) {
      super(message, null, false, false);
    }
  }

  private final SingleFlightTokenRefresher tokens;

  /** Calls signed with tokens from {@code tokens}, or unsigned when it is null. */
  SignedCalls(SingleFlightTokenRefresher tokens) {
    this.tokens = tokens;
  }

  <T> T call(Function<OAuthToken, T> call) {
    if (tokens == null) {
      return unsigned(call);
    }
    OAuthToken token = tokens.current();
    try {
      return call.apply(token);
    } catch (TokenRefused e) {
      OAuthToken fresh = tokens.refresh(token.accessToken());
      try {
        return call.apply(fresh);
      } catch (TokenRefused again) {
        throw new AuthenticationException(
            again.getMessage()
                + " (the credentials were refused; reconnect "
                + tokens.connection()
                + ")",
            "401 Unauthorized",
            null);
      }
    }
  }

  private static <T> T unsigned(Function<OAuthToken, T> call) {
    try {
      return call.apply(null);
    } catch (TokenRefused e) {
      throw new AuthenticationException(e.getMessage(), "401 Unauthorized", null);
    }
  }
}
