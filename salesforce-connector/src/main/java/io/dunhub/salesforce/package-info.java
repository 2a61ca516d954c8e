/** The salesforce connector: filled in by its own issue. */
package io.dunhub.salesforce;
