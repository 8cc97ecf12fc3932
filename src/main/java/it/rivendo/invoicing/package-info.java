/**
 * Invoices of paid orders (FatturaPA TD01), credit notes of cancelled orders (TD04) and
 * receipts of top-ups, each with a gap-free number per kind and year, as PDF and
 * (invoices and credit notes) FatturaPA 1.2 XML.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "mail", "ordering", "shared" })
package it.rivendo.invoicing;

import org.springframework.modulith.ApplicationModule;
