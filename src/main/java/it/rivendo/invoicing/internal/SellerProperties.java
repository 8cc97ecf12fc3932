package it.rivendo.invoicing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own fiscal data, the CedentePrestatore of every invoice
 * ({@code rivendo.invoicing.seller.*}), and how lines at 0% VAT are qualified
 * ({@code rivendo.invoicing.zero-rate-*}).
 */
@ConfigurationProperties("rivendo.invoicing")
public record SellerProperties(Seller seller, String zeroRateNature, String zeroRateReference) {

	public SellerProperties {
		zeroRateNature = zeroRateNature == null || zeroRateNature.isBlank() ? "N2.2" : zeroRateNature;
		zeroRateReference = zeroRateReference == null || zeroRateReference.isBlank() ? "Operazione non soggetta"
				: zeroRateReference;
	}

	/**
	 * @param vatNumber Partita IVA, 11 digits
	 * @param taxRegime RF01 (ordinario), RF19 (forfettario)...
	 */
	public record Seller(String companyName, String vatNumber, String taxCode, String street, String postalCode,
			String city, String province, String country, String taxRegime, String email) {
	}
}
