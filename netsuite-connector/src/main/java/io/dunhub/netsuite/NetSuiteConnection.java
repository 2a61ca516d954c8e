package io.dunhub.netsuite;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.netsuite.auth.Authorizer;
import io.dunhub.netsuite.auth.M2mTokenSource;
import io.dunhub.netsuite.auth.TbaAuthorizer;
import io.dunhub.netsuite.internal.NetSuiteHttp;
import io.dunhub.netsuite.internal.NetSuiteRecordSink;
import io.dunhub.netsuite.internal.Prefetch;
import io.dunhub.netsuite.internal.StreamQuery;
import io.dunhub.netsuite.internal.SuiteQlStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/** One NetSuite account with its credentials. Thread-safe; opening it makes no call. */
final class NetSuiteConnection implements Connection {

  private final NetSuiteSettings settings;
  private final ConnectionContext context;
  private final Capabilities capabilities;
  private final NetSuiteHttp http;
  private final Map<String, Prefetch> prefetches = new ConcurrentHashMap<>();

  NetSuiteConnection(
      NetSuiteSettings settings, ConnectionContext context, Capabilities capabilities) {
    this.settings = settings;
    this.context = context;
    this.capabilities = capabilities;
    OkHttpClient client =
        NetSuiteHttp.client(context.http(), settings.connectTimeout(), settings.readTimeout());
    Authorizer authorizer =
        settings.auth() == NetSuiteSettings.AuthMode.M2M
            ? new M2mTokenSource(
                settings.connection(),
                settings.tokenUrl(),
                settings.clientId(),
                settings.certificateId(),
                settings.algorithm(),
                settings.scope(),
                settings.privateKey(),
                context.tokens(),
                client,
                context.clock())
            : new TbaAuthorizer(
                settings.account().realm(),
                settings.consumerKey(),
                settings.consumerSecret(),
                settings.tokenId(),
                settings.tokenSecret(),
                context.clock());
    this.http =
        new NetSuiteHttp(
            settings.connection(),
            settings.account().realm(),
            settings.baseUrl(),
            client,
            authorizer,
            settings.maxConcurrency(),
            context.clock());
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
        prefetches.computeIfAbsent(stream, s -> new Prefetch()),
        settings.prefetchPages());
  }

  @Override
  public RecordSink sink(String hostObject) {
    if (capabilities.sink(hostObject).isEmpty()) {
      throw new ConfigurationException(
          name() + ": the NetSuite connector does not write " + hostObject);
    }
    return new NetSuiteRecordSink(http, hostObject);
  }
}
