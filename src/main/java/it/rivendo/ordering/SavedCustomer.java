package it.rivendo.ordering;

/** An end customer in the reseller's address book. */
public record SavedCustomer(long id, BillingDetails details) {
}
