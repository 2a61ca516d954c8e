package io.dunhub.salesforce.internal;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.Retrier;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every partner-API call of one connection goes through here: under the connection's throttle
 * (which caps concurrent requests) and retry policy, paced by the {@link ApiBudget}, on a pooled
 * {@link PartnerConnection} bound to the current session. An {@code INVALID_SESSION_ID} renews the
 * session once (single-flight: only the first caller with the stale session logs in again) and
 * retries the call; the {@code LimitInfoHeader} of each reply feeds the {@link ApiUsageTracker}.
 */
public final class SalesforceClient {

  /** One partner call. */
  @FunctionalInterface
  public interface PartnerCall<T> {
    T apply(PartnerConnection partner) throws ConnectionException;
  }

  private final String connection;
  private final Authenticator authenticator;
  private final String apiVersion;
  private final int queryBatchSize;
  private final ApiBudget budget;
  private final ApiUsageTracker usage;
  private final Retrier retrier;
  private final BlockingQueue<Pooled> idle;
  private final AtomicInteger created = new AtomicInteger();
  private final int poolSize;
  private volatile SalesforceSession session;

  private static final class Pooled {
    final PartnerConnection partner;
    SalesforceSession session;

    Pooled(PartnerConnection partner, SalesforceSession session) {
      this.partner = partner;
      this.session = session;
    }
  }

  public SalesforceClient(
      String connection,
      Authenticator authenticator,
      String apiVersion,
      int poolSize,
      int queryBatchSize,
      ApiBudget budget,
      ApiUsageTracker usage,
      Retrier retrier) {
    this.connection = connection;
    this.authenticator = authenticator;
    this.apiVersion = apiVersion;
    this.poolSize = poolSize;
    this.queryBatchSize = queryBatchSize;
    this.budget = budget;
    this.usage = usage;
    this.retrier = retrier;
    this.idle = new ArrayBlockingQueue<>(poolSize);
  }

  public String connection() {
    return connection;
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** Runs a call with retries of retryable failures; {@code what} names object and operation. */
  public <T> T call(String what, PartnerCall<T> call) {
    return retrier.call(() -> once(what, call));
  }

  /** Runs a call once (session renewal included), mapping failures. */
  public <T> T once(String what, PartnerCall<T> call) {
    String where = connection + ": " + what;
    budget.beforeCall(where);
    SalesforceSession current = session();
    Pooled pooled = borrow(current);
    try {
      try {
        return invoke(pooled, call);
      } catch (ConnectionException e) {
        if (!"INVALID_SESSION_ID".equals(SalesforceErrors.code(e))) {
          throw SalesforceErrors.map(where, e);
        }
        bind(pooled, renew(pooled.session));
        try {
          return invoke(pooled, call);
        } catch (ConnectionException again) {
          throw SalesforceErrors.map(where, again);
        }
      }
    } finally {
      idle.offer(pooled);
    }
  }

  /** The current session, logging in if there is none. */
  public SalesforceSession session() {
    SalesforceSession s = session;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (session == null) {
        session = authenticator.login();
      }
      return session;
    }
  }

  /**
   * A new session unless another caller already replaced {@code stale} (Camel's {@code
   * login(oldToken)}: no stampede of logins).
   */
  public synchronized SalesforceSession renew(SalesforceSession stale) {
    if (session == null || session == stale) {
      session = authenticator.login();
    }
    return session;
  }

  private <T> T invoke(Pooled pooled, PartnerCall<T> call) throws ConnectionException {
    try {
      T result = call.apply(pooled.partner);
      readLimits(pooled.partner);
      return result;
    } catch (ConnectionException e) {
      usage.record(-1, -1);
      throw e;
    }
  }

  private void readLimits(PartnerConnection partner) {
    LimitInfoHeader_element header = partner.getLimitInfoHeader();
    long used = -1;
    long limit = -1;
    if (header != null && header.getLimitInfo() != null) {
      for (LimitInfo info : header.getLimitInfo()) {
        if ("API REQUESTS".equals(info.getType())) {
          used = info.getCurrent();
          limit = info.getLimit();
        }
      }
    }
    usage.record(used, limit);
  }

  private Pooled borrow(SalesforceSession current) {
    Pooled pooled = idle.poll();
    if (pooled == null && created.getAndIncrement() < poolSize) {
      pooled = new Pooled(newPartner(current), current);
    } else if (pooled == null) {
      try {
        pooled = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryableException(connection + ": interrupted waiting for a connection", e);
      }
    }
    if (pooled.session != current) {
      bind(pooled, current);
    }
    return pooled;
  }

  private void bind(Pooled pooled, SalesforceSession s) {
    pooled.partner.setSessionHeader(s.sessionId().reveal());
    pooled.partner.getConfig().setServiceEndpoint(endpoint(s));
    pooled.partner.getConfig().setSessionId(s.sessionId().reveal());
    pooled.session = s;
  }

  private String endpoint(SalesforceSession s) {
    return s.instanceUrl() + "/services/Soap/u/" + apiVersion;
  }

  private PartnerConnection newPartner(SalesforceSession s) {
    ConnectorConfig config = new ConnectorConfig();
    config.setManualLogin(true);
    config.setServiceEndpoint(endpoint(s));
    config.setSessionId(s.sessionId().reveal());
    config.setConnectionTimeout(10_000);
    config.setReadTimeout(120_000);
    try {
      PartnerConnection partner = Connector.newConnection(config);
      partner.setQueryOptions(queryBatchSize);
      return partner;
    } catch (ConnectionException e) {
      throw SalesforceErrors.map(connection + ": opening the partner connection", e);
    }
  }
}
