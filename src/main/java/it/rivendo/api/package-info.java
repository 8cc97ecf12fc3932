/**
 * The partner API: JSON under {@code /api/v1} for the resellers' own software (catalog,
 * credit, orders, services), called with keys the Titolare creates on the "API" page.
 * Stateless: a key in every request, no session, no CSRF; errors as RFC 9457 problem
 * details; a rate limit per key shared by every instance.
 */
@ApplicationModule(
		allowedDependencies = { "catalog", "credit", "identity", "invoicing", "ordering", "services", "shared" })
package it.rivendo.api;

import org.springframework.modulith.ApplicationModule;
