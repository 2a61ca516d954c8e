package io.dunhub.core.http;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.SingleFlightTokenRefresher;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs each request with the connection's bearer token, and when the host answers 401 refreshes
 * the token once (through the {@link SingleFlightTokenRefresher}, so a burst of 401s costs one
 * refresh) and sends the request again. A second 401 goes up, to become an {@code
 * AuthenticationException}.
 */
public final class OAuthInterceptor implements Interceptor {

  private final SingleFlightTokenRefresher tokens;

  public OAuthInterceptor(SingleFlightTokenRefresher tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    OAuthToken token = tokens.current();
    Response response = chain.proceed(sign(chain.request(), token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    OAuthToken fresh = tokens.refresh(token.accessToken());
    return chain.proceed(sign(chain.request(), fresh));
  }

  private static Request sign(Request request, OAuthToken token) {
    return request
        .newBuilder()
        .header("Authorization", "Bearer " + token.accessToken().reveal())
        .build();
  }
}
