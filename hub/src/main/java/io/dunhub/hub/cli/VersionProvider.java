package io.dunhub.hub.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or {@code development} when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DunhubCommand.class.getPackage().getImplementationVersion();
    return new String[] {"dunhub " + (version == null ? "development" : version)};
  }
}
