/**
 * The staff's own pages that belong to no single module: the dashboard ({@code /admin}:
 * today, this month, what waits for staff) and the resellers (search, the whole picture
 * of one, its tier, on and off). Each module's other staff pages live in that module
 * ({@code <module>/web/Admin*Controller}).
 */
@ApplicationModule(allowedDependencies = { "audit", "catalog", "credit", "identity", "mail", "onboarding", "ordering",
		"services", "shared" })
package it.rivendo.admin;

import org.springframework.modulith.ApplicationModule;
