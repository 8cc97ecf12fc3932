/**
 * "Apri su altro dispositivo": one-time tokens, typed codes and QR codes that continue a
 * page on a phone.
 */
@ApplicationModule(allowedDependencies = { "audit", "identity", "shared" })
package it.rivendo.handoff;

import org.springframework.modulith.ApplicationModule;
