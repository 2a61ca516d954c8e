package io.dunhub.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.mapping.internal.HostPath;
import org.junit.jupiter.api.Test;

/** Host paths reach nested values, list elements and custom fields by name, and write them. */
class HostPathTest {
  private static final String QBO =
      "{\"CustomerRef\": {\"value\": \"58\"}, \"Line\": [{\"Amount\": 1}, {\"Amount\": 2}],"
          + " \"CustomField\": [{\"Name\": \"A\", \"StringValue\": \"x\"}, {\"Name\": \"Tier\","
          + " \"StringValue\": \"gold\"}], \"Account\": {\"Owner\": {\"Email\": \"o@x.io\"}},"
          + " \"Empty\": null}";

  private static JsonNode read(String path) throws Exception {
    return HostPath.parse(path).read(OneFile.JSON.readTree(QBO));
  }

  @Test
  void readsNestedIndexedAndSelectedValues() throws Exception {
    assertThat(read("CustomerRef.value").asText()).isEqualTo("58");
    assertThat(read("Account.Owner.Email").asText()).isEqualTo("o@x.io");
    assertThat(read("Line[1].Amount").asInt()).isEqualTo(2);
    assertThat(read("CustomField[Name=Tier].StringValue").asText()).isEqualTo("gold");
  }

  @Test
  void aMissingStepOrANullIsNoValue() throws Exception {
    assertThat(read("CustomerRef.name")).isNull();
    assertThat(read("Line[5].Amount")).isNull();
    assertThat(read("CustomField[Name=Nope].StringValue")).isNull();
    assertThat(read("Empty")).isNull();
    assertThat(read("Empty.value")).isNull();
    assertThat(read("CustomerRef.value.deeper")).isNull();
  }

  @Test
  void readsEveryElementOfAList() throws Exception {
    assertThat(HostPath.parse("Line[]").readAll(OneFile.JSON.readTree(QBO))).hasSize(2);
    assertThat(HostPath.parse("Nothing[]").readAll(OneFile.JSON.readTree(QBO))).isEmpty();
  }

  @Test
  void writesCreateObjectsListsAndSelectedElements() {
    ObjectNode out = OneFile.JSON.createObjectNode();
    HostPath.parse("CustomerRef.value").write(out, OneFile.JSON.getNodeFactory().textNode("58"));
    HostPath.parse("AttachableRef[0].EntityRef.type")
        .write(out, OneFile.JSON.getNodeFactory().textNode("Invoice"));
    HostPath.parse("CustomField[Name=Tier].StringValue")
        .write(out, OneFile.JSON.getNodeFactory().textNode("gold"));

    assertThat(out.toString())
        .isEqualTo(
            "{\"CustomerRef\":{\"value\":\"58\"},\"AttachableRef\":[{\"EntityRef\":{\"type\":\"Invoice\"}}],"
                + "\"CustomField\":[{\"Name\":\"Tier\",\"StringValue\":\"gold\"}]}");
  }

  @Test
  void badPathsSayWhatIsWrong() {
    assertThatThrownBy(() -> HostPath.parse("a..b")).hasMessageContaining("empty field name");
    assertThatThrownBy(() -> HostPath.parse("Line[0")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> HostPath.parse("Line[x]")).hasMessageContaining("[Field=value]");
    assertThatThrownBy(() -> HostPath.parse("a.")).hasMessageContaining("must not end with '.'");
  }
}
