/** The quickbooks connector: filled in by its own issue. */
package io.dunhub.quickbooks;
