/**
 * The prepaid credit: an append-only ledger with a guarded running balance; top-ups by
 * bank transfer and card, their confirmation by staff, credit adjustments, the credit
 * page.
 */
@ApplicationModule(allowedDependencies = { "audit", "catalog", "identity", "mail", "shared" })
package it.rivendo.credit;

import org.springframework.modulith.ApplicationModule;
