package io.dunhub.hub.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium and chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}), driven by Selenium through the driver binary given here: Selenium Manager
 * never runs and nothing is downloaded. Paths come from {@code DUNHUB_CHROMIUM} and {@code
 * DUNHUB_CHROMEDRIVER} (default {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}); {@code
 * DUNHUB_REQUIRE_BROWSER=true} turns a missing browser from a skip into a failure (CI sets it).
 */
public final class TestBrowser {

  public static final String REQUIRE_VARIABLE = "DUNHUB_REQUIRE_BROWSER";
  static final String CHROMIUM_VARIABLE = "DUNHUB_CHROMIUM";
  static final String DRIVER_VARIABLE = "DUNHUB_CHROMEDRIVER";

  private final Path chromium;
  private final Path driver;
  private final boolean required;

  TestBrowser(Function<String, String> env) {
    this.chromium = Path.of(orDefault(env.apply(CHROMIUM_VARIABLE), "/usr/bin/chromium"));
    this.driver = Path.of(orDefault(env.apply(DRIVER_VARIABLE), "/usr/bin/chromedriver"));
    this.required = "true".equalsIgnoreCase(String.valueOf(env.apply(REQUIRE_VARIABLE)).trim());
  }

  public static TestBrowser fromEnvironment() {
    return new TestBrowser(System::getenv);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  public boolean required() {
    return required;
  }

  /** Why the browser cannot run here, or null when it can. */
  public String unavailableReason() {
    if (!Files.isExecutable(chromium)) {
      return "no Chromium at " + chromium + " (apt-get install chromium)";
    }
    if (!Files.isExecutable(driver)) {
      return "no chromedriver at " + driver + " (apt-get install chromium-driver)";
    }
    return null;
  }

  /**
   * A new headless browser with a fresh profile in {@code profileDir}, a window of {@code width} x
   * {@code height}. Quit it when done.
   */
  public ChromeDriver start(Path profileDir, int width, int height) throws IOException {
    return start(profileDir, width, height, false);
  }

  /**
   * A phone-sized browser: Chromium's device emulation with a {@code width} x {@code height}
   * viewport (a headless window cannot be narrower than 500 pixels).
   */
  public ChromeDriver startPhone(Path profileDir, int width, int height) throws IOException {
    return start(profileDir, width, height, true);
  }

  private ChromeDriver start(Path profileDir, int width, int height, boolean phone)
      throws IOException {
    Files.createDirectories(profileDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + profileDir.toAbsolutePath(),
        "--lang=en-US",
        "--window-size=" + Math.max(width, 500) + "," + height);
    if (phone) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return browser;
  }
}
