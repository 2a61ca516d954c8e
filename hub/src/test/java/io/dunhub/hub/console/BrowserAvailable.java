package io.dunhub.hub.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test only where Chromium and chromedriver are installed; otherwise skips it with a
 * message saying why, or fails it when {@code DUNHUB_REQUIRE_BROWSER=true}.
 */
public final class BrowserAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    TestBrowser browser = TestBrowser.fromEnvironment();
    String reason = browser.unavailableReason();
    if (reason == null) {
      return ConditionEvaluationResult.enabled("Chromium found");
    }
    if (browser.required()) {
      throw new IllegalStateException(
          reason + " (" + TestBrowser.REQUIRE_VARIABLE + "=true requires the browser)");
    }
    String message =
        reason
            + " -- browser test skipped (set "
            + TestBrowser.REQUIRE_VARIABLE
            + "=true to fail instead)";
    System.err.println("[dunhub tests] " + message);
    return ConditionEvaluationResult.disabled(message);
  }
}
