package it.rivendo.services;

import org.jspecify.annotations.Nullable;

/**
 * The end customer's personal data, as given on the activation page; the PEC address they
 * choose when the service is a PEC mailbox, otherwise none.
 */
public record EndCustomer(String firstName, String lastName, String taxCode, String mobile,
		@Nullable String pecAddress) {

	public EndCustomer(String firstName, String lastName, String taxCode, String mobile) {
		this(firstName, lastName, taxCode, mobile, null);
	}

}
