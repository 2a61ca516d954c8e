package io.dunhub.hub.notice;

import io.dunhub.core.model.Channel;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Sends notices as email over SMTP (Jakarta Mail / Angus): a {@code multipart/alternative} with a
 * plain-text and an HTML part (plus the PDF letter as a {@code multipart/mixed} attachment), a
 * {@code Message-ID} derived from the idempotency key (so a resend after a crash is recognisable as
 * the same message), and one-click {@code List-Unsubscribe} headers (RFC 8058).
 */
public final class SmtpEmailChannel implements NoticeChannel {

  private final SmtpSettings settings;
  private final Session session;
  private final Clock clock;

  public SmtpEmailChannel(SmtpSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings), authenticator(settings));
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  /** The {@code Message-ID} for an idempotency key: stable, opaque, at the sender's domain. */
  public static String messageId(String idempotencyKey, String fromAddress) {
    String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".dunhub@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Delivery send(OutgoingMessage message) {
    String id = messageId(message.idempotencyKey(), settings.fromAddress());
    try {
      MimeMessage mime = new FixedIdMessage(session, id);
      mime.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
      mime.setRecipient(
          Message.RecipientType.TO, new InternetAddress(message.to(), message.toName(), "UTF-8"));
      if (settings.replyTo() != null) {
        mime.setReplyTo(new Address[] {new InternetAddress(settings.replyTo())});
      }
      mime.setSubject(message.content().subject(), "UTF-8");
      mime.setSentDate(Date.from(clock.instant()));
      mime.setHeader("X-Dunhub-Key", message.idempotencyKey());
      mime.setHeader("Auto-Submitted", "auto-generated");
      if (message.unsubscribeUrl() != null) {
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.content().text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.content().html(), "UTF-8", "html");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      if (message.pdf() == null) {
        mime.setContent(alternative);
      } else {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(
            new DataHandler(new ByteArrayDataSource(message.pdf(), "application/pdf")));
        pdf.setFileName(message.pdfName());
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf);
        mime.setContent(mixed);
      }
      mime.saveChanges();
      Transport.send(mime);
      return new Delivery.Delivered(id);
    } catch (AuthenticationFailedException e) {
      return new Delivery.Retry(
          "SMTP authentication failed at " + settings.host() + " (check the credentials)", null);
    } catch (SendFailedException e) {
      boolean invalid = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      return invalid
          ? new Delivery.Failed(
              "SMTP server refused recipient " + message.to() + ": " + e.getMessage())
          : new Delivery.Retry("SMTP send failed: " + e.getMessage(), null);
    } catch (MessagingException e) {
      return new Delivery.Retry(
          "SMTP error at " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), null);
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return new Delivery.Failed(
          "cannot build the email to " + message.to() + ": " + e.getMessage());
    }
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    String protocol = s.security() == SmtpSettings.Security.SSL ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", s.host());
    p.put("mail." + protocol + ".port", Integer.toString(s.port()));
    p.put("mail." + protocol + ".auth", Boolean.toString(s.username() != null));
    long timeout = s.timeout() == null ? 30_000 : s.timeout().toMillis();
    p.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout));
    p.put("mail." + protocol + ".timeout", Long.toString(timeout));
    p.put("mail." + protocol + ".writetimeout", Long.toString(timeout));
    p.put("mail." + protocol + ".from", s.fromAddress());
    if (s.security() == SmtpSettings.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (s.security() != SmtpSettings.Security.NONE) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }

  private static Authenticator authenticator(SmtpSettings s) {
    if (s.username() == null) {
      return null;
    }
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(
            s.username(), s.password() == null ? "" : s.password().reveal());
      }
    };
  }

  /** A message whose {@code Message-ID} is ours, not one Jakarta Mail invents on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
