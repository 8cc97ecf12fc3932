/**
 * The server-side cart, one per reseller, priced by the catalog on every view.
 */
@org.jspecify.annotations.NullMarked
package it.rivendo.cart;
