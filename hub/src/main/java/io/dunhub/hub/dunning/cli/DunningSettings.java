package io.dunhub.hub.dunning.cli;

import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.SmtpSettings;
import io.dunhub.hub.outbox.RetryPolicy;
import java.nio.file.Path;

/**
 * The dunning part of the hub's configuration.
 *
 * @param policies a directory of policy files, or null for the bundled policies
 * @param templates a directory of template overrides, or null
 * @param publicUrl the hub's public URL (tracked links, open pixel, unsubscribe)
 * @param smtp the SMTP server, or null for no email channel
 * @param sms the SMS provider, or null for no SMS channel
 * @param letters where PDF letters are archived, or null for no letter channel
 * @param retry the outbox's retry policy
 * @param linkKey the key tracked links are signed with (derived from the hub's secret key), or null
 *     for a random one (links then work only while this process runs)
 */
public record DunningSettings(
    Path policies,
    Path templates,
    Brand brand,
    String publicUrl,
    SmtpSettings smtp,
    SmsSettings sms,
    Path letters,
    RetryPolicy retry,
    byte[] linkKey) {

  /** Settings whose links are signed with a random key. */
  public DunningSettings(
      Path policies,
      Path templates,
      Brand brand,
      String publicUrl,
      SmtpSettings smtp,
      SmsSettings sms,
      Path letters,
      RetryPolicy retry) {
    this(policies, templates, brand, publicUrl, smtp, sms, letters, retry, null);
  }

  /** The links of notices: signed with {@link #linkKey}. */
  public io.dunhub.hub.notice.TrackingLinks links() {
    return linkKey == null
        ? new io.dunhub.hub.notice.TrackingLinks(publicUrl)
        : new io.dunhub.hub.notice.TrackingLinks(publicUrl, linkKey);
  }

  /** A Twilio-shaped SMS provider. */
  public record SmsSettings(
      String baseUrl, String accountSid, io.dunhub.core.secret.Secret authToken, String from) {}
}
