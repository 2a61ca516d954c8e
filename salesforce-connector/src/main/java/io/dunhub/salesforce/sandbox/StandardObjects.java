package io.dunhub.salesforce.sandbox;

import java.util.List;

/**
 * The standard objects a fresh org has, with the fields a dunning connector touches, and the
 * Salesforce Billing package's invoice and payment objects for orgs that have it installed.
 */
final class StandardObjects {
  private StandardObjects() {}

  static void register(SandboxOrg org) {
    org.define(
        new ObjectDef("User", "User", "005", false)
            .add(FieldDef.of("Username", "string"))
            .add(FieldDef.of("FirstName", "string"))
            .add(FieldDef.of("LastName", "string"))
            .add(FieldDef.of("Name", "string"))
            .add(FieldDef.of("Email", "email"))
            .add(FieldDef.of("IsActive", "boolean")));
    org.define(
        new ObjectDef("Account", "Account", "001", false)
            .add(required(FieldDef.of("Name", "string")))
            .add(FieldDef.reference("OwnerId", "User", "Owner"))
            .add(FieldDef.of("AccountNumber", "string"))
            .add(FieldDef.of("Type", "picklist"))
            .add(FieldDef.of("Industry", "picklist"))
            .add(FieldDef.of("Phone", "phone"))
            .add(FieldDef.of("Website", "url"))
            .add(FieldDef.of("BillingStreet", "textarea"))
            .add(FieldDef.of("BillingCity", "string"))
            .add(FieldDef.of("BillingState", "string"))
            .add(FieldDef.of("BillingPostalCode", "string"))
            .add(FieldDef.of("BillingCountry", "string"))
            .add(FieldDef.of("Description", "textarea")));
    org.define(
        new ObjectDef("Contact", "Contact", "003", false)
            .add(FieldDef.reference("AccountId", "Account", "Account"))
            .add(FieldDef.reference("OwnerId", "User", "Owner"))
            .add(FieldDef.of("FirstName", "string"))
            .add(required(FieldDef.of("LastName", "string")))
            .add(readOnly(FieldDef.of("Name", "string")))
            .add(FieldDef.of("Title", "string"))
            .add(FieldDef.of("Email", "email"))
            .add(FieldDef.of("Phone", "phone"))
            .add(FieldDef.of("MobilePhone", "phone"))
            .add(FieldDef.of("HasOptedOutOfEmail", "boolean"))
            .add(FieldDef.of("DoNotCall", "boolean"))
            .add(FieldDef.of("MailingCountry", "string")));
    org.define(
        new ObjectDef("Task", "Task", "00T", false)
            .add(polymorphic("WhatId", "What"))
            .add(
                new FieldDef(
                    "WhoId",
                    "Name ID",
                    "reference",
                    18,
                    false,
                    false,
                    true,
                    true,
                    true,
                    List.of("Contact", "Lead"),
                    "Who",
                    false))
            .add(FieldDef.reference("OwnerId", "User", "Owner"))
            .add(FieldDef.of("Subject", "string"))
            .add(required(FieldDef.of("Status", "picklist")))
            .add(required(FieldDef.of("Priority", "picklist")))
            .add(FieldDef.of("ActivityDate", "date"))
            .add(FieldDef.of("Description", "textarea"))
            .add(FieldDef.of("TaskSubtype", "picklist"))
            .add(FieldDef.of("Type", "picklist"))
            .add(readOnly(FieldDef.of("IsClosed", "boolean"))));
    org.define(
        new ObjectDef("ContentVersion", "Content Version", "068", false)
            .add(required(FieldDef.of("Title", "string")))
            .add(required(FieldDef.of("PathOnClient", "string")))
            .add(required(FieldDef.of("VersionData", "base64")))
            .add(polymorphic("FirstPublishLocationId", "FirstPublishLocation"))
            .add(FieldDef.of("Description", "textarea"))
            .add(FieldDef.reference("OwnerId", "User", "Owner")));
  }

  /** The Salesforce Billing managed package's invoice and payment objects (a subset). */
  static void registerBillingPackage(SandboxOrg org) {
    org.define(
        new ObjectDef("blng__Invoice__c", "Invoice", "a1I", true)
            .add(FieldDef.of("Name", "string"))
            .add(FieldDef.reference("OwnerId", "User", "Owner"))
            .add(FieldDef.reference("blng__Account__c", "Account", "blng__Account__r"))
            .add(FieldDef.reference("blng__BillToContact__c", "Contact", "blng__BillToContact__r"))
            .add(FieldDef.of("blng__InvoiceDate__c", "date"))
            .add(FieldDef.of("blng__DueDate__c", "date"))
            .add(FieldDef.of("blng__TotalAmount__c", "currency"))
            .add(FieldDef.of("blng__Balance__c", "currency"))
            .add(FieldDef.of("blng__InvoiceStatus__c", "picklist"))
            .add(FieldDef.of("blng__PaymentStatus__c", "picklist"))
            .add(FieldDef.of("CurrencyIsoCode", "picklist")));
    org.define(
        new ObjectDef("blng__Payment__c", "Payment", "a1P", true)
            .add(FieldDef.of("Name", "string"))
            .add(FieldDef.reference("OwnerId", "User", "Owner"))
            .add(FieldDef.reference("blng__Account__c", "Account", "blng__Account__r"))
            .add(FieldDef.reference("blng__Invoice__c", "blng__Invoice__c", "blng__Invoice__r"))
            .add(FieldDef.of("blng__Amount__c", "currency"))
            .add(FieldDef.of("blng__PaymentDate__c", "date"))
            .add(FieldDef.of("blng__Status__c", "picklist"))
            .add(FieldDef.of("blng__PaymentType__c", "picklist"))
            .add(FieldDef.of("CurrencyIsoCode", "picklist")));
  }

  static FieldDef required(FieldDef f) {
    return new FieldDef(
        f.name(),
        f.label(),
        f.type(),
        f.length(),
        f.externalId(),
        f.unique(),
        false,
        f.createable(),
        f.updateable(),
        f.referenceTo(),
        f.relationshipName(),
        f.custom());
  }

  private static FieldDef readOnly(FieldDef f) {
    return new FieldDef(
        f.name(),
        f.label(),
        f.type(),
        f.length(),
        false,
        false,
        true,
        false,
        false,
        f.referenceTo(),
        f.relationshipName(),
        f.custom());
  }

  private static FieldDef polymorphic(String name, String relationship) {
    return new FieldDef(
        name,
        name,
        "reference",
        18,
        false,
        false,
        true,
        true,
        true,
        List.of("*"),
        relationship,
        false);
  }
}
