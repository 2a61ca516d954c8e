package io.dunhub.quickbooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.serialization.JSONSerializer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.JAXBElement;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** The once-built writer gives byte for byte what the SDK's own serializer gives. */
class QboJsonTest {

  private static final String INVOICE =
      """
      {"Id":"130","SyncToken":"2","domain":"QBO","sparse":false,
       "MetaData":{"CreateTime":"2026-02-01T10:00:00-08:00","LastUpdatedTime":"2026-03-01T09:15:42-08:00"},
       "DocNumber":"1037","TxnDate":"2026-02-01","DueDate":"2026-03-03",
       "CurrencyRef":{"value":"CAD","name":"Canadian Dollar"},"ExchangeRate":1,
       "CustomerRef":{"value":"58","name":"Harbor Freight Co"},
       "BillEmail":{"Address":"ap@harbor-freight.example.com"},
       "SalesTermRef":{"value":"3","name":"Net 30"},
       "GlobalTaxCalculation":"TaxExcluded","EmailStatus":"EmailSent","PrintStatus":"NotSet",
       "TotalAmt":300,"Balance":162.07,"PrivateNote":"Voided",
       "LinkedTxn":[{"TxnId":"131","TxnType":"Payment"}],
       "Line":[{"Id":"1","LineNum":1,"Amount":300,"DetailType":"SalesItemLineDetail",
                "SalesItemLineDetail":{"ItemRef":{"value":"1","name":"Services"},"Qty":2,
                "UnitPrice":150,"TaxCodeRef":{"value":"NON"}}},
               {"Amount":300,"DetailType":"SubTotalLineDetail","SubTotalLineDetail":{}}]}
      """;

  @Test
  void theCachedWriterMatchesTheSdksSerializer() throws Exception {
    assertThat(QboJson.SDK_WRITER).as("the SDK's set-up could be reused").isNotNull();
    List<IEntity> entities = new ArrayList<>();
    entities.add(QboJson.fromJson("Invoice", (ObjectNode) QboJson.MAPPER.readTree(INVOICE)));
    entities.add(QboJson.fromJson("Invoice", (ObjectNode) QboJson.MAPPER.readTree(INVOICE)));

    List<ObjectNode> cached = QboJson.toJson(entities);
    @SuppressWarnings({"unchecked", "rawtypes"})
    JAXBElement element = new JAXBElement(new QName(QboJson.NAMESPACE, "x"), List.class, entities);
    JsonNode sdk = QboJson.MAPPER.readTree(new JSONSerializer().serialize(element));

    assertThat(cached).hasSize(2);
    assertThat(cached.get(0)).isEqualTo(QboJson.plain(sdk.get(0)));
    assertThat(cached.get(0).path("GlobalTaxCalculation").asText()).isEqualTo("TaxExcluded");
    assertThat(cached.get(0).path("TotalAmt").toString()).isEqualTo("300");
  }
}
