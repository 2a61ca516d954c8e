package io.dunhub.quickbooks.internal;

import com.intuit.ipp.core.Context;
import com.intuit.ipp.core.ServiceType;
import com.intuit.ipp.exception.FMSException;
import com.intuit.ipp.security.OAuth2Authorizer;
import com.intuit.ipp.services.DataService;
import com.intuit.ipp.util.Config;
import com.intuit.ipp.util.MessageUtils;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.Retrier;
import io.dunhub.core.secret.Secret;
import io.dunhub.quickbooks.QuickBooksSettings;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs QuickBooks SDK calls for one connection: under the connection's shared throttle and retry
 * policy (connector-core's {@link Retrier}: the SDK has its own Apache HTTP client, so OkHttp
 * interceptors cannot sit in its path), with a fresh SDK {@link Context} per call (a shared one can
 * reuse a {@code requestid}), the SDK's per-thread settings applied on the calling thread, one
 * token refresh and retry on a 401, and every failure mapped by {@link QboErrors}.
 */
public final class QboGateway {

  private static final AtomicBoolean WARMED = new AtomicBoolean();

  /** One SDK call. */
  @FunctionalInterface
  public interface SdkCall<T> {
    T run(DataService service) throws FMSException;
  }

  private final QuickBooksSettings settings;
  private final QboTokens tokens;
  private final Retrier retrier;
  private final QboErrors errors;
  private final Clock clock;

  public QboGateway(
      QuickBooksSettings settings,
      QboTokens tokens,
      Retrier retrier,
      QboErrors errors,
      Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.retrier = retrier;
    this.errors = errors;
    this.clock = clock;
    warmUp();
  }

  public QboErrors errors() {
    return errors;
  }

  /** The connection's clock (when a write began, for telling replays from new writes). */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code call}, retrying what may pass.
   *
   * @param what names the operation in errors ("read Invoice page", "update Customer 42")
   * @param requestId the QBO {@code requestid} (idempotency key of a write), or null for a fresh
   *     one
   */
  public <T> T call(String what, String requestId, SdkCall<T> call) {
    String id = requestId != null ? requestId : UUID.randomUUID().toString().replace("-", "");
    return retrier.call(() -> attempt(what, id, call));
  }

  private <T> T attempt(String what, String requestId, SdkCall<T> call) {
    Secret token = tokens.accessToken();
    try {
      return once(what, requestId, token, call);
    } catch (com.intuit.ipp.exception.AuthenticationException rejected) {
      Secret fresh = tokens.refresh(token);
      try {
        return once(what, requestId, fresh, call);
      } catch (FMSException e) {
        throw errors.map(what, e);
      }
    } catch (FMSException e) {
      throw errors.map(what, e);
    } catch (RuntimeException e) {
      throw errors.map(what, e);
    }
  }

  private <T> T once(String what, String requestId, Secret token, SdkCall<T> call)
      throws FMSException {
    applyThreadSettings();
    Context context =
        new Context(new OAuth2Authorizer(token.reveal()), ServiceType.QBO, settings.realmId());
    context.setMinorVersion(Integer.toString(settings.minorVersion()));
    context.setRequestID(requestId);
    context.setCustomerRequestTimeout((int) settings.readTimeout().toMillis());
    T result = call.run(new DataService(context));
    if (result == null) {
      throw errors.emptyReply(what);
    }
    return result;
  }

  /** The SDK keeps its settings per thread: set them on whichever worker thread calls. */
  private void applyThreadSettings() {
    Config.setProperty(Config.BASE_URL_QBO, settings.baseUrl());
    Config.setProperty(Config.PROXY_HOST, settings.proxyHost() == null ? "" : settings.proxyHost());
    Config.setProperty(
        Config.PROXY_PORT,
        settings.proxyHost() == null ? "" : Integer.toString(settings.proxyPort()));
    Config.setProperty(
        Config.TIMEOUT_CONNECTION, Long.toString(settings.connectTimeout().toMillis()));
    Config.setProperty(Config.TIMEOUT_REQUEST, Long.toString(settings.readTimeout().toMillis()));
  }

  /** Loads the SDK's entity list once: concurrent cold starts fail with "Invalid Entity". */
  private static void warmUp() {
    if (WARMED.compareAndSet(false, true)) {
      SdkLogging.pinSecretLoggers();
      try {
        MessageUtils.getWhitelistedEntities();
      } catch (RuntimeException e) {
        WARMED.set(false);
        throw new RetryableException("the QuickBooks SDK failed to start", e);
      }
    }
  }
}
