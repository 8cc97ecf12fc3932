/**
 * The append-only audit trail, and the staff page listing it together with every credit
 * movement.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package it.rivendo.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
