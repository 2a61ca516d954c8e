package io.dunhub.hub.cli;

/** What {@code dunhub} exits with. */
public final class ExitCodes {

  /** Done. */
  public static final int OK = 0;

  /** The command ran and failed (a sync error, a host that refused, a store that is down). */
  public static final int FAILED = 1;

  /** The command line is wrong (unknown option, missing argument). */
  public static final int USAGE = 2;

  /** The config file has problems; each is printed with file:line:column. */
  public static final int CONFIG_INVALID = 3;

  private ExitCodes() {}
}
