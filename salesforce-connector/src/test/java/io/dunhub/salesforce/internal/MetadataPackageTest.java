package io.dunhub.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MetadataPackageTest {
  private static final Path SOURCE = Path.of("src/main/resources/io/dunhub/salesforce/sfdx");

  @Test
  void theIndexListsEveryShippedSourceFile() throws IOException {
    List<String> index = Files.readAllLines(SOURCE.resolve("index.txt"));
    try (Stream<Path> files = Files.walk(SOURCE)) {
      List<String> onDisk =
          files
              .filter(Files::isRegularFile)
              .map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("index.txt"))
              .sorted()
              .toList();
      assertThat(index).as("index.txt is out of date").containsExactlyElementsOf(onDisk);
    }
  }

  @Test
  void convertsSourceFormatToOneObjectFilePerObjectAndAPackageXml() {
    MetadataPackage pkg = MetadataPackage.bundled("62.0");
    var files = pkg.metadataFiles();

    assertThat(files.keySet())
        .contains(
            "objects/Dunning_Notice__c.object",
            "objects/Account.object",
            "objects/Activity.object",
            "permissionsets/Dunhub_Integration.permissionset",
            "layouts/Account-Dunhub Account Layout.layout",
            "package.xml")
        .noneMatch(p -> p.contains("-meta.xml") || p.contains("/fields/"));
    String notice = files.get("objects/Dunning_Notice__c.object");
    assertThat(notice)
        .contains("<nameField>")
        .contains("<fullName>Dunhub_Key__c</fullName>")
        .contains("<externalId>true</externalId>")
        .contains("<fields>");
    assertThat(files.get("objects/Account.object"))
        .doesNotContain("<nameField>")
        .contains("Dunning_Status__c");
    assertThat(files.get("package.xml"))
        .contains("<members>Dunning_Notice__c.Channel__c</members>")
        .contains("<name>CustomObject</name>")
        .contains("<version>62.0</version>");
    assertThat(pkg.components())
        .contains("CustomObject:Dunhub_Invoice__c", "CustomField:Account.Exclude_From_Dunning__c")
        .doesNotContain("CustomObject:Account");
    assertThat(pkg.zip()).isNotEmpty();
  }
}
