package io.dunhub.quickbooks.write;

import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.Fault;
import com.intuit.ipp.data.IntuitEntity;
import com.intuit.ipp.exception.FMSException;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.quickbooks.internal.QboErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** What the QuickBooks sinks share: request ids from idempotency keys, outcomes from errors. */
final class Writes {

  /** QBO's batch limit. */
  static final int MAX_BATCH = 30;

  private Writes() {}

  /** QBO takes a {@code requestid} of at most 50 characters, and of 36 on a batch. */
  static final int MAX_REQUEST_ID = 50;

  static final int MAX_BATCH_REQUEST_ID = 36;

  /**
   * How far Intuit's clock may be behind ours before a fresh write would be taken for a replay.
   * Intuit stamps whole seconds; both sides run NTP.
   */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

  /**
   * The QBO {@code requestid} of a write: a digest of its idempotency key, so a retried write
   * carries the same id and QuickBooks answers it from its record instead of applying it again.
   */
  static String requestId(String idempotencyKey) {
    return "dh" + digest(idempotencyKey).substring(0, MAX_REQUEST_ID - 10);
  }

  /** One request id for a batch (36 characters): a digest of its items' keys, in order. */
  static String batchRequestId(List<String> keys) {
    return "dhb" + digest(String.join("\n", keys)).substring(0, MAX_BATCH_REQUEST_ID - 3);
  }

  /**
   * What a successful create or update reply means. QuickBooks answers a repeated {@code requestid}
   * with the reply it gave the first time, unchanged, so the only sign of a replay is time: a
   * record this write made (or changed) cannot be stamped before the write began. A stamp older
   * than {@code started} (less {@link #CLOCK_SKEW}) is an earlier attempt's: {@link
   * WriteOutcome.AlreadyApplied}. A retry inside one write (its first answer lost) is this write's
   * own effect: {@link WriteOutcome.Applied}.
   *
   * @param created whether the write created the record (compares {@code CreateTime}) or changed it
   *     ({@code LastUpdatedTime})
   */
  static WriteOutcome outcome(IEntity entity, Instant started, boolean created) {
    IntuitEntity e = (IntuitEntity) entity;
    Date stamp =
        e.getMetaData() == null
            ? null
            : created ? e.getMetaData().getCreateTime() : e.getMetaData().getLastUpdatedTime();
    if (stamp != null
        && stamp.toInstant().isBefore(started.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW))) {
      return new WriteOutcome.AlreadyApplied(e.getId());
    }
    return new WriteOutcome.Applied(e.getId(), e.getSyncToken());
  }

  static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A record-level failure as an outcome. Failures of the whole connection (authorization,
   * configuration) are thrown: no record can be written until a person acts.
   */
  static WriteOutcome outcome(ConnectorException e) {
    if (e instanceof AuthenticationException || e instanceof ConfigurationException) {
      throw e;
    }
    if (e instanceof RetryableException r) {
      return new WriteOutcome.Retryable(r.getMessage(), r.retryAfter());
    }
    return new WriteOutcome.Permanent(e.getMessage());
  }

  /** Whether a failure is QBO's 5010 stale-object error. */
  static boolean isStale(ConnectorException e) {
    return e instanceof PermanentException
        && e.getCause() instanceof FMSException f
        && QboErrors.STALE_OBJECT.equals(QboErrors.code(f));
  }

  /** The text of a batch item's fault. */
  static String faultText(Fault fault) {
    if (fault == null || fault.getError() == null || fault.getError().isEmpty()) {
      return "unknown fault";
    }
    StringBuilder sb = new StringBuilder();
    for (com.intuit.ipp.data.Error e : fault.getError()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e.getMessage());
      if (e.getDetail() != null) {
        sb.append(": ").append(e.getDetail());
      }
      sb.append(" (code ").append(e.getCode()).append(')');
    }
    return sb.toString();
  }

  /** The first error code of a batch item's fault. */
  static String faultCode(Fault fault) {
    return fault == null || fault.getError() == null || fault.getError().isEmpty()
        ? null
        : fault.getError().get(0).getCode();
  }
}
