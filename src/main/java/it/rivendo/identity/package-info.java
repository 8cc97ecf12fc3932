/**
 * Reseller and staff accounts, sign-in, password links, sessions and the security
 * configuration.
 */
@ApplicationModule(allowedDependencies = { "mail", "shared" })
package it.rivendo.identity;

import org.springframework.modulith.ApplicationModule;
