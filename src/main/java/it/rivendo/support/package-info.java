/**
 * "Contattaci": support requests from resellers and the public, answered and closed by
 * staff.
 */
@ApplicationModule(allowedDependencies = { "audit", "identity", "mail", "ordering", "shared" })
package it.rivendo.support;

import org.springframework.modulith.ApplicationModule;
