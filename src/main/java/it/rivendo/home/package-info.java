/**
 * The reseller's home page at {@code /}: the credit, what needs attention (services to
 * associate, activations waiting), the last orders, and the way to the catalog and to top
 * up. It only reads what other modules offer; staff land on {@code /admin}.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "ordering", "services", "shared" })
package it.rivendo.home;

import org.springframework.modulith.ApplicationModule;
