package it.rivendo.api;

/**
 * A key just created: {@code secret} is the whole key, shown once and kept nowhere.
 */
public record NewApiKey(long id, String name, ApiScope scope, String prefix, String secret) {
}
