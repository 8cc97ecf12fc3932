package it.rivendo.invoicing.internal;

import it.rivendo.shared.Money;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own fiscal data, the CedentePrestatore of every invoice
 * ({@code rivendo.invoicing.seller.*}), how lines at 0% VAT are qualified
 * ({@code rivendo.invoicing.zero-rate-*}) and the stamp duty on them
 * ({@code rivendo.invoicing.stamp-duty.*}).
 */
@ConfigurationProperties("rivendo.invoicing")
public record SellerProperties(Seller seller, String zeroRateNature, String zeroRateReference, StampDuty stampDuty) {

	public SellerProperties {
		stampDuty = stampDuty == null ? new StampDuty(null, null, null) : stampDuty;
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

	/**
	 * The imposta di bollo on a document whose amounts without VAT (lines at 0%) go over
	 * the threshold: 2 euro over 77.47 euro by law, paid virtually by the shop (declared
	 * in the FatturaPA's DatiBollo and paid to the Agenzia delle Entrate each quarter),
	 * not charged to the reseller.
	 *
	 * @param enabled whether documents carry it (off only for a shop exempt from it)
	 */
	public record StampDuty(Boolean enabled, BigDecimal amount, BigDecimal threshold) {

		public StampDuty {
			enabled = enabled == null || enabled;
			amount = amount == null ? new BigDecimal("2.00") : amount;
			threshold = threshold == null ? new BigDecimal("77.47") : threshold;
		}

		/** The duty on a document with this amount without VAT: zero when none. */
		public Money dueOn(Money withoutVat) {
			return enabled && withoutVat.amount().compareTo(threshold) > 0 ? Money.of(amount) : Money.ZERO;
		}

	}

}
