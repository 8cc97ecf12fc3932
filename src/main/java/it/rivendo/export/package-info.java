/**
 * Staff CSV exports of orders and of the credit ledger, streamed row by row.
 */
@org.jspecify.annotations.NullMarked
package it.rivendo.export;
