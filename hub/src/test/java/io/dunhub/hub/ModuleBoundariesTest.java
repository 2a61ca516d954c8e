package io.dunhub.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules from the design, checked on the compiled classes of every module: arrows point
 * one way (hub → connectors → connector-core), a connector never sees another connector or the hub,
 * and a package named {@code internal} is private to the module that owns it.
 */
class ModuleBoundariesTest {

  private static final List<String> CONNECTORS =
      List.of("io.dunhub.salesforce", "io.dunhub.quickbooks", "io.dunhub.netsuite");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dunhub");
  }

  @Test
  void connectorCoreKnowsNoConnectorAndNoHub() {
    noClasses()
        .that()
        .resideInAPackage("io.dunhub.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dunhub.hub..",
            "io.dunhub.salesforce..",
            "io.dunhub.quickbooks..",
            "io.dunhub.netsuite..")
        .check(classes);
  }

  @Test
  void aConnectorNeverImportsTheHubOrAnotherConnector() {
    for (String connector : CONNECTORS) {
      String[] others =
          CONNECTORS.stream()
              .filter(c -> !c.equals(connector))
              .map(c -> c + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(connector + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("io.dunhub.hub..")
          .check(classes);
    }
  }

  @Test
  void internalPackagesArePrivateToTheirModule() {
    noClasses().should(reachIntoAnotherModulesInternalPackage()).check(classes);
  }

  private static ArchCondition<JavaClass> reachIntoAnotherModulesInternalPackage() {
    return new ArchCondition<>("use an internal package of another module") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String from = moduleOf(item.getPackageName());
        item.getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  String target = dependency.getTargetClass().getPackageName();
                  if (target.contains(".internal") && !moduleOf(target).equals(from)) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  /** io.dunhub.hub.sync.internal → io.dunhub.hub; io.dunhub.core.http → io.dunhub.core. */
  static String moduleOf(String packageName) {
    String[] parts = packageName.split("\\.");
    return parts.length < 3 ? packageName : parts[0] + "." + parts[1] + "." + parts[2];
  }
}
