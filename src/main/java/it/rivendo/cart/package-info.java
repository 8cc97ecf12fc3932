/**
 * The server-side carts, one per user of a reseller's team (issue 17), priced at the
 * reseller's prices by the catalog on every view.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "shared" })
@NullMarked
package it.rivendo.cart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
