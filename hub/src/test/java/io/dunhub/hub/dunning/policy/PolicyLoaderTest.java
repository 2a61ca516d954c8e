package io.dunhub.hub.dunning.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

  private static final Set<String> TEMPLATES =
      Set.of(
          "friendly-reminder", "overdue-reminder", "second-reminder", "final-notice", "thank-you");
  private final PolicyLoader loader = new PolicyLoader(TEMPLATES::contains);

  @Test
  void loadsTheBundledPoliciesWithTheirStepsGuardsAndConditions() {
    PolicySet set = BundledPolicies.load(TEMPLATES::contains);

    assertThat(set.fallback().id()).isEqualTo("standard");
    assertThat(set.fallback().steps())
        .extracting(s -> s.at().toString())
        .containsExactly("due-7d", "due+3d", "due+7d", "due+14d", "due+30d", "due+45d");
    Step second = set.fallback().steps().get(2);
    assertThat(second.channels()).containsExactly(Channel.EMAIL, Channel.SMS);
    assertThat(second.line()).isEqualTo(24);
    assertThat(set.fallback().guards().windowStart()).isEqualTo(LocalTime.of(8, 0));

    Policy eu = set.byId("eu-b2b").orElseThrow();
    assertThat(eu.days()).isEqualTo(DayCounting.BUSINESS);
    assertThat(eu.when().countries()).contains("DE", "FR");
    assertThat(eu.guards().minimumBalance())
        .containsEntry(Money.currency("EUR"), new BigDecimal("10"));
    FeeRule.Statutory fee = (FeeRule.Statutory) eu.step("statutory-interest").orElseThrow().fee();
    assertThat(fee.referenceRates().get(LocalDate.of(2025, 7, 1))).isEqualByComparingTo("2.15");
    assertThat(fee.compensation()).containsEntry(Money.currency("EUR"), new BigDecimal("40"));
    assertThat(eu.step("due+30d").orElseThrow().action()).isEqualTo(ActionKind.FINAL_NOTICE);
  }

  @Test
  void reportsEveryProblemWithFileAndLine() {
    Map<String, String> sources = new TreeMap<>();
    sources.put("broken.yaml", fixture("broken.yaml"));

    assertThatThrownBy(() -> loader.load(sources))
        .isInstanceOfSatisfying(
            PolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(PolicyProblem::toString)
                    .contains(
                        "broken.yaml:2:8: order must be a whole number, not 'ten'",
                        "broken.yaml:3:7: days: must be calendar or business, not 'fortnightly'",
                        "broken.yaml:5:11: window: the window must end after it starts",
                        "broken.yaml:6:28: max_contacts_per_7_days must be between 1 and 50, not 0",
                        "broken.yaml:11:23: channel: 'pigeon' is not one of email, sms, letter",
                        "broken.yaml:12:15: template: no template named 'no-such-template'",
                        "broken.yaml:13:11: tone must be between 1 and 5, not 9",
                        "broken.yaml:16:24: fee.fixed: unknown currency code 'XYZ'",
                        "broken.yaml:17:9: at: 'tomorrow' is not a step offset; write due, due+3d or due-7d",
                        "broken.yaml:19:15: step at line 17: 'template' does not apply to collections")
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("broken.yaml:7:3: guards: unknown key 'colour'"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("broken.yaml:14:5: steps must be in order")));
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirPosition() {
    assertThatThrownBy(() -> loader.load(Map.of("not-yaml.yaml", fixture("not-yaml.yaml"))))
        .isInstanceOfSatisfying(
            PolicyException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).file()).isEqualTo("not-yaml.yaml");
              assertThat(e.problems().get(0).line()).isEqualTo(3);
              assertThat(e.problems().get(0).message()).startsWith("not valid YAML");
            });
  }

  @Test
  void requiresExactlyOneDefaultAndUniqueNames() {
    String a = "policy: a\nsteps:\n  - at: due\n    action: task\n";
    String b = "policy: a\ndefault: true\nsteps:\n  - at: due\n    action: task\n";
    String c = "policy: c\ndefault: true\nsteps:\n  - at: due\n    action: task\n";

    assertThatThrownBy(() -> loader.load(Map.of("a.yaml", a)))
        .hasMessageContaining("a.yaml:1:1: no default policy");
    Map<String, String> twoDefaults = new TreeMap<>(Map.of("b.yaml", b, "c.yaml", c));
    assertThatThrownBy(() -> loader.load(twoDefaults))
        .hasMessageContaining("c.yaml:1:1: policy 'c' is a second default; 'a' already is");
    Map<String, String> sameName = new TreeMap<>(Map.of("a.yaml", a, "b.yaml", b));
    assertThatThrownBy(() -> loader.load(sameName))
        .hasMessageContaining("b.yaml:1:1: policy 'a' is also defined in a.yaml");
  }

  @Test
  void parsesOffsets() {
    assertThat(List.of("due", "due+3d", "due-7d", "due+45d"))
        .extracting(t -> Offset.parse(t).days())
        .containsExactly(0, 3, -7, 45);
    assertThatThrownBy(() -> Offset.parse("due+3")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String fixture(String name) {
    try (InputStream in = PolicyLoaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
