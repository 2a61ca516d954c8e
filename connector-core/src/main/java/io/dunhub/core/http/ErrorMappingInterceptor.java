package io.dunhub.core.http;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The outermost interceptor: a response of 400 or more (unless the request {@linkplain
 * CallOptions#passThrough() passes it through}) and an I/O failure that outlived the retries become
 * exceptions of the taxonomy, through the connection's {@link HttpErrorMapper}. Callers of {@code
 * execute()} thus see either a successful response or a {@code ConnectorException}.
 */
public final class ErrorMappingInterceptor implements Interceptor {

  private final HttpErrorMapper mapper;

  public ErrorMappingInterceptor(HttpErrorMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      if (chain.call().isCanceled()) {
        throw e;
      }
      throw mapper.map(e, chain.request());
    }
    if (response.code() < 400
        || CallOptions.of(response.request()).passThrough().contains(response.code())) {
      return response;
    }
    try (response) {
      throw mapper.map(response);
    }
  }
}
