/**
 * Checkout and payment from credit, orders and their history, cancellations, the
 * end-customer address book, the purchase e-mail.
 */
@ApplicationModule(allowedDependencies = { "cart", "catalog", "credit", "identity", "mail", "shared" })
package it.rivendo.ordering;

import org.springframework.modulith.ApplicationModule;
