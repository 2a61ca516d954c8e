package io.dunhub.netsuite;

import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.http.HttpClientFactory;
import io.dunhub.netsuite.auth.ClientCredentialsTokens;
import io.dunhub.netsuite.auth.JwtClientCredentialsGrant;
import io.dunhub.netsuite.auth.TbaAuthorizer;
import io.dunhub.netsuite.internal.ActivitySink;
import io.dunhub.netsuite.internal.CurrencyIds;
import io.dunhub.netsuite.internal.NetSuiteErrorExtractor;
import io.dunhub.netsuite.internal.NetSuiteHttp;
import io.dunhub.netsuite.internal.NetSuiteRecordSink;
import io.dunhub.netsuite.internal.ReadAhead;
import io.dunhub.netsuite.internal.StreamQuery;
import io.dunhub.netsuite.internal.SuiteQlStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/** One NetSuite account with its credentials. Thread-safe; opening it makes no call. */
final class NetSuiteConnection implements Connection {

  private final NetSuiteSettings settings;
  private final ConnectionContext context;
  private final Capabilities capabilities;
  private final NetSuiteHttp http;
  private final Map<String, ReadAhead> readAheads = new ConcurrentHashMap<>();
  private final CurrencyIds currencies;

  /** A token is renewed this long before it expires. */
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);

  /** What a call may spend on retries and waits beyond its own timeouts. */
  private static final Duration RETRY_BUDGET = Duration.ofSeconds(90);

  NetSuiteConnection(
      NetSuiteSettings settings, ConnectionContext context, Capabilities capabilities) {
    this.settings = settings;
    this.context = context;
    this.capabilities = capabilities;
    HttpClientFactory api =
        HttpClientFactory.forConnection(context)
            .rateLimit(
                new RateLimit(
                    capabilities.rateLimit().permits(),
                    capabilities.rateLimit().window(),
                    settings.maxConcurrency()))
            .throttleKey("netsuite:" + settings.account().realm())
            .errors(new NetSuiteErrorExtractor())
            .timeouts(
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.readTimeout(),
                settings.connectTimeout().plus(settings.readTimeout()).plus(RETRY_BUDGET));
    if (settings.auth() == NetSuiteSettings.AuthMode.M2M) {
      OkHttpClient tokenHttp =
          HttpClientFactory.forConnection(context)
              .errors(new NetSuiteErrorExtractor())
              .timeouts(
                  settings.connectTimeout(),
                  settings.readTimeout(),
                  settings.readTimeout(),
                  settings.connectTimeout().plus(settings.readTimeout()).plus(RETRY_BUDGET))
              .build();
      api.oauth(
          new SingleFlightTokenRefresher(
              settings.connection(),
              new ClientCredentialsTokens(context.tokens()),
              new JwtClientCredentialsGrant(
                  settings.connection(),
                  settings.tokenUrl(),
                  settings.clientId(),
                  settings.certificateId(),
                  settings.algorithm(),
                  settings.scope(),
                  settings.privateKey(),
                  tokenHttp,
                  context.clock()),
              context.clock(),
              TOKEN_MARGIN));
    } else {
      api.auth(
          new TbaAuthorizer(
              settings.account().realm(),
              settings.consumerKey(),
              settings.consumerSecret(),
              settings.tokenId(),
              settings.tokenSecret(),
              context.clock()));
    }
    this.http = new NetSuiteHttp(settings.baseUrl(), api.build());
    this.currencies = new CurrencyIds(http);
  }

  NetSuiteSettings settings() {
    return settings;
  }

  NetSuiteHttp http() {
    return http;
  }

  @Override
  public String name() {
    return settings.connection();
  }

  @Override
  public SourceStream source(String stream) {
    StreamQuery query =
        StreamQuery.ALL.stream()
            .filter(q -> q.stream().equals(stream))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        name()
                            + ": NetSuite has no stream "
                            + stream
                            + "; streams: "
                            + capabilities.streams()));
    return new SuiteQlStream(
        http,
        query,
        settings.subsidiaries(),
        settings.timeZone(),
        context.clock(),
        settings.readLag(),
        readAheads.computeIfAbsent(stream, s -> new ReadAhead(settings.prefetchPages())));
  }

  @Override
  public RecordSink sink(String hostObject) {
    if (capabilities.sink(hostObject).isEmpty()) {
      throw new ConfigurationException(
          name() + ": the NetSuite connector does not write " + hostObject);
    }
    return switch (hostObject) {
      case "Activity" -> new ActivitySink(http, settings.timeZone());
      default -> new NetSuiteRecordSink(http, hostObject, name(), currencies);
    };
  }
}
