/**
 * Purchased services, one per unit bought: association with an end customer, activation,
 * identification, suspension, expiry.
 */
@ApplicationModule(allowedDependencies = { "audit", "cart", "catalog", "credit", "export", "handoff", "identity",
		"mail", "ordering", "shared" })
package it.rivendo.services;

import org.springframework.modulith.ApplicationModule;
