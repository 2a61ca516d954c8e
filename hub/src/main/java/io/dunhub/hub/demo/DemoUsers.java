package io.dunhub.hub.demo;

/** The console's demo users, once the admin API that knows users is part of the build. */
final class DemoUsers {

  private DemoUsers() {}

  static String describe() {
    return "no users yet: the admin API and console are not part of this build";
  }
}
