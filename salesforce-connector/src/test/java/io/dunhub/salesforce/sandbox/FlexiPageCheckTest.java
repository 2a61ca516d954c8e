package io.dunhub.salesforce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.salesforce.internal.MetadataPackage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox's deploy-time check of Lightning pages, on the page Dunhub ships and broken ones. */
class FlexiPageCheckTest {
  private static final String PAGE = "flexipages/Dunhub_Account_Record_Page.flexipage-meta.xml";
  private static final Set<String> ACCOUNT_FIELDS =
      Set.of(
          "dunning_status__c",
          "dunning_segment__c",
          "exclude_from_dunning__c",
          "last_dunning_notice_at__c");

  private final FlexiPageCheck check =
      new FlexiPageCheck(
          object -> object.equals("Account"),
          (object, field) -> ACCOUNT_FIELDS.contains(field.toLowerCase(java.util.Locale.ROOT)),
          object ->
              Set.of("Contacts", "Dunning_Notices__r", "Dunhub_Invoices__r", "Dunhub_Payments__r"));

  private static String shipped() {
    return MetadataPackage.bundled("62.0").sourceFiles().get(PAGE);
  }

  @Test
  void theShippedAccountPagePasses() {
    assertThat(check.problems(MetadataXml.parse(shipped()))).isEmpty();
  }

  @Test
  void aFieldTheObjectLacksIsAProblem() {
    String page = shipped().replace("Record.Dunning_Segment__c", "Record.Dunning_Sgement__c");

    assertThat(check.problems(MetadataXml.parse(page)))
        .containsExactly("Region dunhubDunningColumnLeft: Account has no field Dunning_Sgement__c");
  }

  @Test
  void aRelatedListThatIsNoChildRelationshipIsAProblem() {
    String page = shipped().replace(">Dunning_Notices__r<", ">Dunning_Notice__c<");

    assertThat(check.problems(MetadataXml.parse(page)))
        .singleElement()
        .asString()
        .contains("Dunning_Notice__c isn't a related list of Account");
  }

  @Test
  void duplicateIdentifiersUnusedFacetsAndAMissingLabelAreProblems() {
    String page =
        shipped()
            .replace("<identifier>dunhubPaymentsList<", "<identifier>dunhubInvoicesList<")
            .replace("<value>dunhubDunningColumnRight</value>", "<value>nowhere</value>")
            .replaceAll("<masterLabel>[^<]*</masterLabel>", "");

    assertThat(check.problems(MetadataXml.parse(page)))
        .contains(
            "Required field is missing: masterLabel",
            "Duplicate component identifier on the page: dunhubInvoicesList",
            "The facet dunhubDunningColumnRight isn't used by any component")
        .anyMatch(p -> p.contains("body names no facet: nowhere"));
  }

  @Test
  void aRecordPageForAnUnknownObjectIsRefused() {
    String page =
        shipped()
            .replace("<sobjectType>Account</sobjectType>", "<sobjectType>Acount</sobjectType>");

    assertThat(check.problems(MetadataXml.parse(page)))
        .containsExactly("Invalid sobjectType: Acount");
  }
}
