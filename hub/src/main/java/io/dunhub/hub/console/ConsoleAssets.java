package io.dunhub.hub.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the third-party assets the console serves live in their WebJars. */
final class ConsoleAssets {
  private ConsoleAssets() {}

  private static final String CHART_JS_POM =
      "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  /** Chart.js's UMD bundle in its WebJar, at the version on the classpath. */
  static String chartJs() {
    return "META-INF/resources/webjars/chart.js/" + version(CHART_JS_POM) + "/dist/chart.umd.js";
  }

  private static String version(String pomProperties) {
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException(pomProperties + " is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pomProperties, e);
    }
  }
}
