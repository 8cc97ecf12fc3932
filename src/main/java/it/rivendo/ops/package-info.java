/**
 * Operations: a request id on every request and in every log line, and business metrics
 * for Prometheus.
 */
@ApplicationModule(allowedDependencies = { "ordering", "shared" })
@NullMarked
package it.rivendo.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
