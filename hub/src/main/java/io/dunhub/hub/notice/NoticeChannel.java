package io.dunhub.hub.notice;

import io.dunhub.core.model.Channel;

/** A way to deliver notices: email over SMTP, SMS through an HTTP provider, letters, tasks. */
public interface NoticeChannel {

  Channel channel();

  /** Sends one message. Provider failures are outcomes, not exceptions. */
  Delivery send(OutgoingMessage message);
}
