/**
 * The server-side cart, one per reseller, priced by the catalog on every view.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "shared" })
@NullMarked
package it.rivendo.cart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
