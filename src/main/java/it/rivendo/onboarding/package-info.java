/**
 * Applications to become a reseller, their approval or rejection by staff, the first
 * staff account.
 */
@ApplicationModule(allowedDependencies = { "audit", "catalog", "credit", "identity", "mail", "shared" })
package it.rivendo.onboarding;

import org.springframework.modulith.ApplicationModule;
