package io.dunhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub serves the console's shell, modules and Chart.js, under a strict CSP. */
class ConsoleRoutesIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesTheShellItsModulesAndChartJs(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        "mode: development\nhttp:\n  host: 127.0.0.1\n  port: 0\n"
            + "store:\n  embedded:\n    dataDir: data\n");
    try (Hub hub =
        new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC()).open(config, "console-it")) {
      hub.services().start(s -> s.phase() != Service.SCHEDULER_PHASE);
      int port = hub.get(HttpServer.class).port();

      HttpResponse<String> root = get(port, "/");
      assertThat(root.statusCode()).isEqualTo(302);
      assertThat(root.headers().firstValue("location")).hasValue("/console/");

      HttpResponse<String> shell = get(port, "/console/");
      assertThat(shell.statusCode()).isEqualTo(200);
      assertThat(type(shell)).isEqualTo("text/html;charset=utf-8");
      assertThat(shell.headers().firstValue("content-security-policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("script-src 'self';").contains("object-src 'none'"));
      assertThat(shell.body()).contains("<title>Dunhub</title>");

      // every module the shell and the pages import is served, as JavaScript
      for (String module : modules(shell.body())) {
        HttpResponse<String> js = get(port, module);
        assertThat(js.statusCode()).as(module).isEqualTo(200);
        assertThat(type(js)).as(module).isEqualTo("text/javascript;charset=utf-8");
      }
      HttpResponse<String> chart = get(port, "/console/vendor/chart.umd.js");
      assertThat(chart.statusCode()).isEqualTo(200);
      assertThat(chart.body()).contains("Chart.js v4");

      assertThat(get(port, "/console/..%2Fdb/migration/V1__store_and_sync.sql").statusCode())
          .as("nothing outside console/ is served")
          .isIn(400, 404);
      assertThat(get(port, "/console/no-such.js").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void noScriptWritesHtmlFromData() throws Exception {
    Path root = Path.of(getClass().getClassLoader().getResource("console/js/app.js").toURI());
    try (Stream<Path> files = Files.walk(root.getParent())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        String source = Files.readString(file);
        assertThat(source)
            .as(file.getFileName() + " must build nodes with text, never parse data as HTML")
            .doesNotContain(".innerHTML")
            .doesNotContain(".outerHTML")
            .doesNotContain("insertAdjacentHTML")
            .doesNotContain("document.write");
        // a frame that shows notice HTML is always sandboxed
        if (source.contains("srcdoc")) {
          assertThat(source).contains("sandbox: ''");
        }
      }
    }
  }

  /** The shell's module and every module reachable through static imports. */
  private static List<String> modules(String shell) throws IOException, URISyntaxException {
    Pattern src = Pattern.compile("src=\"(/console/js/[^\"]+)\"");
    Matcher m = src.matcher(shell);
    assertThat(m.find()).isTrue();
    java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(m.group(1)));
    Pattern imports = Pattern.compile("from '(\\./[^']+|\\.\\./[^']+)'");
    while (!todo.isEmpty()) {
      String module = todo.pop();
      if (!seen.add(module)) {
        continue;
      }
      String resource = module.substring(1);
      String source =
          Files.readString(
              Path.of(ConsoleRoutesIT.class.getClassLoader().getResource(resource).toURI()));
      Matcher i = imports.matcher(source);
      while (i.find()) {
        todo.add(URI.create("http://x" + module).resolve(i.group(1)).getPath());
      }
    }
    assertThat(seen).hasSizeGreaterThan(5);
    return List.copyOf(seen);
  }

  private static String type(HttpResponse<String> response) {
    return response.headers().firstValue("content-type").orElse("").replace(" ", "");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
