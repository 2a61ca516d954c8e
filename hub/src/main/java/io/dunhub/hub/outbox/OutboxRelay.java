package io.dunhub.hub.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.model.Activity;
import io.dunhub.core.model.ActivityType;
import io.dunhub.core.model.Channel;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.notice.Delivery;
import io.dunhub.hub.notice.NoticeChannel;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.OutgoingMessage;
import io.dunhub.hub.notice.PdfLetterRenderer;
import io.dunhub.hub.notice.TemplateException;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.writeback.ActivityLog;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A relay worker: claims due outbox rows, performs each effect (a notice through its channel, a
 * write through a host connection's sink), and records the outcome. A delivered notice becomes an
 * activity and write-backs into every linked host, in the same transaction that marks it done.
 */
public final class OutboxRelay {

  /** What one run did. */
  public record Result(int claimed, int done, int retried, int dead) {}

  /** Hears the outcome of every row the relay worked on (the hub's metrics). */
  public interface Listener {
    /**
     * @param status {@code DONE}, {@code PENDING} (to retry), {@code DEAD}, or {@code LOST}
     *     (another worker took the row over)
     */
    void processed(OutboxRow row, String status);
  }

  private final Store store;
  private final JdbcOutbox outbox;
  private final Map<Channel, NoticeChannel> channels;
  private final Function<String, Connection> connections;
  private final WriteBackPlanner writeBacks;
  private final PdfLetterRenderer pdf;
  private final NoticeRenderer renderer;
  private final Clock clock;
  private final String worker;
  private volatile Listener listener = (row, status) -> {};

  public OutboxRelay(
      Store store,
      JdbcOutbox outbox,
      Map<Channel, NoticeChannel> channels,
      Function<String, Connection> connections,
      WriteBackPlanner writeBacks,
      PdfLetterRenderer pdf,
      NoticeRenderer renderer,
      Clock clock,
      String worker) {
    this.store = store;
    this.outbox = outbox;
    this.channels = Map.copyOf(channels);
    this.connections = connections;
    this.writeBacks = writeBacks;
    this.pdf = pdf;
    this.renderer = renderer;
    this.clock = clock;
    this.worker = worker;
  }

  /** Tells {@code newListener} about every row processed from now on; returns this relay. */
  public OutboxRelay listen(Listener newListener) {
    this.listener = java.util.Objects.requireNonNull(newListener, "listener");
    return this;
  }

  /** Runs until no row is due, {@code limit} rows per claim. */
  public Result drain(int limit) {
    int claimed = 0, done = 0, retried = 0, dead = 0;
    while (true) {
      Result r = runOnce(limit);
      claimed += r.claimed;
      done += r.done;
      retried += r.retried;
      dead += r.dead;
      if (r.claimed < limit) {
        return new Result(claimed, done, retried, dead);
      }
    }
  }

  public Result runOnce(int limit) {
    int done = 0, retried = 0, dead = 0;
    var rows = outbox.claim(worker, limit);
    for (OutboxRow row : rows) {
      String status;
      try {
        status = OutboxEntry.NOTICE.equals(row.kind()) ? notice(row) : writeBack(row);
      } catch (RuntimeException e) {
        status =
            outbox
                .fail(row.id(), worker, row.kind() + " failed: " + e.getMessage(), null, false)
                .orElse("LOST");
      }
      listener.processed(row, status);
      switch (status) {
        case "DONE" -> done++;
        case "DEAD" -> dead++;
        default -> retried++;
      }
    }
    return new Result(rows.size(), done, retried, dead);
  }

  private String notice(OutboxRow row) {
    NoticePayload decided =
        CanonicalReader.read(row.payload(), NoticePayload.class, "outbox/" + row.id());
    Channel channel = Channel.valueOf(row.channel());
    NoticeChannel sender = channels.get(channel);
    if (sender == null) {
      return dead(row, decided, "no " + channel + " channel is configured");
    }
    NoticePayload p;
    try {
      p = decided.render(renderer);
    } catch (TemplateException e) {
      return dead(
          row,
          decided,
          "cannot render notice template " + decided.template() + ": " + e.getMessage());
    }
    // the message as sent is kept in the row (and in the activities) before it leaves
    if (p != decided && !outbox.replacePayload(row.id(), worker, CanonicalReader.write(p))) {
      return "LOST";
    }
    byte[] letter = null;
    String letterName = null;
    if (p.letterHtml() != null && (channel == Channel.LETTER || channel == Channel.EMAIL)) {
      letter = pdf.render(p.letterHtml(), p.subject());
      letterName = "final-notice-" + String.join("-", p.invoiceNumbers()) + ".pdf";
    }
    Delivery d =
        sender.send(
            new OutgoingMessage(
                row.idempotencyKey(),
                p.to(),
                p.toName(),
                p.rendered(),
                letter,
                letterName,
                p.unsubscribeUrl()));
    if (d instanceof Delivery.Delivered delivered) {
      byte[] attachment = letter;
      String attachmentName = letterName;
      Instant now = clock.instant();
      return store
          .jdbi()
          .inTransaction(
              h -> {
                if (!outbox.complete(h, row.id(), worker, delivered.providerId())) {
                  return "LOST";
                }
                for (int i = 0; i < p.invoiceIds().size(); i++) {
                  Activity a =
                      new Activity(
                          UUID.nameUUIDFromBytes(
                                  (row.idempotencyKey() + ":" + p.invoiceIds().get(i))
                                      .getBytes(StandardCharsets.UTF_8))
                              .toString(),
                          p.thankYou() ? ActivityType.THANK_YOU_SENT : ActivityType.NOTICE_SENT,
                          now,
                          p.partyId(),
                          p.invoiceIds().get(i),
                          p.contactId(),
                          channel,
                          p.to(),
                          p.subject(),
                          channel == Channel.SMS ? p.sms() : p.text(),
                          Map.of(
                              "template",
                              p.template(),
                              "step",
                              p.stepIds().get(i),
                              "providerId",
                              delivered.providerId(),
                              "finalNotice",
                              Boolean.toString(p.finalNotice())));
                  ActivityLog.record(h, a, p.caseIds().get(i), row.idempotencyKey());
                  writeBacks.enqueue(h, a, attachment, attachmentName);
                }
                return "DONE";
              });
    }
    if (d instanceof Delivery.Retry r) {
      String status = outbox.fail(row.id(), worker, r.reason(), r.after(), false).orElse("LOST");
      if ("DEAD".equals(status)) {
        failedActivity(row, p, r.reason());
      }
      return status;
    }
    return dead(row, p, ((Delivery.Failed) d).reason());
  }

  private String dead(OutboxRow row, NoticePayload p, String reason) {
    String status = outbox.fail(row.id(), worker, reason, null, true).orElse("LOST");
    if ("DEAD".equals(status)) {
      failedActivity(row, p, reason);
    }
    return status;
  }

  private void failedActivity(OutboxRow row, NoticePayload p, String reason) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              for (int i = 0; i < p.invoiceIds().size(); i++) {
                Activity a =
                    new Activity(
                        UUID.nameUUIDFromBytes(
                                ("failed:"
                                        + row.idempotencyKey()
                                        + ":"
                                        + row.attempts()
                                        + ":"
                                        + p.invoiceIds().get(i))
                                    .getBytes(StandardCharsets.UTF_8))
                            .toString(),
                        ActivityType.NOTICE_FAILED,
                        now,
                        p.partyId(),
                        p.invoiceIds().get(i),
                        p.contactId(),
                        Channel.valueOf(row.channel()),
                        p.to(),
                        p.subject() != null ? p.subject() : "Notice (" + p.template() + ")",
                        reason,
                        Map.of("template", p.template(), "step", p.stepIds().get(i)));
                ActivityLog.record(h, a, p.caseIds().get(i), row.idempotencyKey());
              }
            });
  }

  private String writeBack(OutboxRow row) {
    JsonNode payload = CanonicalReader.read(row.payload(), JsonNode.class, "outbox/" + row.id());
    String hostObject = payload.path("hostObject").asText();
    Connection connection = connections.apply(row.connection());
    if (connection == null) {
      return outbox
          .fail(row.id(), worker, "no connection named " + row.connection(), null, true)
          .orElse("LOST");
    }
    WriteOutcome outcome =
        connection
            .sink(hostObject)
            .write(
                new WriteRequest(
                    row.idempotencyKey(),
                    hostObject,
                    null,
                    (ObjectNode) payload.path("fields"),
                    null));
    if (outcome instanceof WriteOutcome.Applied a) {
      return complete(row, a.hostId());
    }
    if (outcome instanceof WriteOutcome.AlreadyApplied a) {
      return complete(row, a.hostId());
    }
    if (outcome instanceof WriteOutcome.Retryable r) {
      return outbox
          .fail(row.id(), worker, row.connection() + ": " + r.reason(), r.retryAfter(), false)
          .orElse("LOST");
    }
    return outbox
        .fail(
            row.id(),
            worker,
            row.connection() + ": " + ((WriteOutcome.Permanent) outcome).reason(),
            null,
            true)
        .orElse("LOST");
  }

  private String complete(OutboxRow row, String hostId) {
    return store
        .jdbi()
        .inTransaction(h -> outbox.complete(h, row.id(), worker, hostId) ? "DONE" : "LOST");
  }
}
