/**
 * The demo data, loaded in the demo profile through the other modules' APIs.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "shared" })
package it.rivendo.demo;

import org.springframework.modulith.ApplicationModule;
