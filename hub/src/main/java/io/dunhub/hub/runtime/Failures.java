package io.dunhub.hub.runtime;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

/** Reduces a failure to the exception that says what went wrong, without Guice's wrapping. */
public final class Failures {

  private Failures() {}

  /** The cause Guice wrapped in a provision or creation error, or {@code e} itself. */
  public static Throwable unwrap(Throwable e) {
    if (e == null) {
      return null;
    }
    Throwable t = e;
    while (true) {
      Throwable inner = null;
      if (t instanceof ProvisionException p) {
        inner = first(p.getErrorMessages(), p.getCause());
      } else if (t instanceof CreationException c) {
        inner = first(c.getErrorMessages(), c.getCause());
      }
      if (inner == null || inner == t) {
        return t;
      }
      t = inner;
    }
  }

  private static Throwable first(java.util.Collection<Message> messages, Throwable fallback) {
    for (Message m : messages) {
      if (m.getCause() != null) {
        return m.getCause();
      }
    }
    return fallback;
  }
}
