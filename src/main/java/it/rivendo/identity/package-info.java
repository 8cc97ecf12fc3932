/**
 * Reseller and staff accounts, sign-in, password links, sessions and the security
 * configuration.
 */
@ApplicationModule(allowedDependencies = { "audit", "mail", "shared" })
package it.rivendo.identity;

import org.springframework.modulith.ApplicationModule;
