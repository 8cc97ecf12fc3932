/**
 * The page frame every page shares: layout model, language switch, error pages, static
 * resources, proxies.
 */
@ApplicationModule(allowedDependencies = { "cart", "catalog", "credit", "handoff", "identity", "shared" })
package it.rivendo.web;

import org.springframework.modulith.ApplicationModule;
