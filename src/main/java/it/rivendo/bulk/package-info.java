/**
 * Bulk issuance ("Ordine multiplo"): a reseller uploads a CSV file of products and end
 * customers, sees every row priced and every wrong cell explained, and confirms: one
 * order per billing customer, all paid at once from the credit, the services associated
 * and their activation links sent.
 */
@ApplicationModule(
		allowedDependencies = { "catalog", "credit", "export", "identity", "ordering", "services", "shared" })
package it.rivendo.bulk;

import org.springframework.modulith.ApplicationModule;
