package io.dunhub.hub.notice;

import io.dunhub.core.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The letter channel: stores the PDF letter in an archive directory (one file per idempotency key,
 * written atomically) for printing or a print-and-mail service; the write-back attaches the same
 * PDF to the host records.
 */
public final class ArchivedLetterChannel implements NoticeChannel {
  private final Path archive;

  public ArchivedLetterChannel(Path archive) {
    this.archive = archive;
  }

  @Override
  public Channel channel() {
    return Channel.LETTER;
  }

  @Override
  public Delivery send(OutgoingMessage message) {
    if (message.pdf() == null) {
      return new Delivery.Failed(
          "a letter needs a PDF (only final notices have a letter template)");
    }
    try {
      Files.createDirectories(archive);
      Path file =
          archive.resolve(TrackingLinks.token(message.idempotencyKey()) + "-" + message.pdfName());
      Path tmp = Files.createTempFile(archive, "letter", ".tmp");
      Files.write(tmp, message.pdf());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Delivery.Delivered(file.toString());
    } catch (IOException e) {
      return new Delivery.Retry(
          "cannot store the letter in " + archive + ": " + e.getMessage(), null);
    }
  }
}
