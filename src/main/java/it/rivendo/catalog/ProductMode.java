package it.rivendo.catalog;

/**
 * A product (by id) in one identification mode: what a cart line or an order line buys.
 */
public record ProductMode(long productId, IdentificationMode mode) {
}
