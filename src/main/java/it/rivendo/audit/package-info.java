/**
 * The append-only audit trail, and the staff page listing it together with every credit
 * movement.
 */
@org.jspecify.annotations.NullMarked
package it.rivendo.audit;
