/**
 * Product families, products with a list price per identification mode, discount tiers
 * and overrides, pricing, and the tiers that follow top-ups.
 */
@ApplicationModule(allowedDependencies = { "audit", "identity", "shared" })
package it.rivendo.catalog;

import org.springframework.modulith.ApplicationModule;
