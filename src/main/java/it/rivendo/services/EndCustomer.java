package it.rivendo.services;

/** The end customer's personal data, as given on the activation page. */
public record EndCustomer(String firstName, String lastName, String taxCode, String mobile) {
}
