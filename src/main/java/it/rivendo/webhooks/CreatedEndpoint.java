package it.rivendo.webhooks;

/**
 * An endpoint just registered, with its signing secret: the only time the secret is
 * shown.
 */
public record CreatedEndpoint(long id, String secret) {
}
