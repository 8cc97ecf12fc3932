/**
 * Staff CSV exports of orders and of the credit ledger, streamed row by row.
 */
@ApplicationModule(allowedDependencies = { "audit", "credit", "identity", "ordering", "shared" })
@NullMarked
package it.rivendo.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
