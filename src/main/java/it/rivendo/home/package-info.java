/**
 * The reseller's home page at {@code /}: the credit, what needs attention (services to
 * associate, activations waiting), the last orders, and the way to the catalog and to top
 * up. It only reads what other modules offer; staff land on {@code /admin}.
 */
package it.rivendo.home;
