package it.rivendo.services;

import org.jspecify.annotations.Nullable;

/**
 * A service to link to an end customer's e-mail ("Associa"), with their name if known.
 */
public record Association(long serviceId, String email, @Nullable String name) {
}
