package it.rivendo.identity;

/** What it takes to open a reseller account with its first login. */
public record NewReseller(BillingAddress billing, String phone, String email, String contactName, String rawPassword,
		String locale) {
}
