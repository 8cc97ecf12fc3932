package it.rivendo.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import it.rivendo.shared.BillingData;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/orders}: lines (product code, mode, quantity) and the
 * billing data of the invoice's recipient, named as the checkout names them, in
 * snake_case. The billing data are checked by the checkout's own rules
 * ({@link BillingData.Rules}).
 */
record OrderRequest(@Nullable List<Line> lines, @Nullable Billing billing) {

	/** At most this many lines in one order. */
	static final int MAX_LINES = 50;

	/** At most this many units per line, as in the cart. */
	static final int MAX_QUANTITY = 99;

	/** One line of the order. */
	@Schema(name = "OrderRequestLine")
	record Line(@JsonProperty("product_code") @Nullable String productCode, @Nullable String mode,
			@Nullable Integer quantity) {
	}

	/** The invoice's recipient, as the checkout form asks for it. */
	@Schema(name = "OrderRequestBilling")
	record Billing(@JsonProperty("customer_type") @Nullable String customerType,
			@JsonProperty("company_name") @Nullable String companyName,
			@JsonProperty("first_name") @Nullable String firstName,
			@JsonProperty("last_name") @Nullable String lastName,
			@JsonProperty("vat_number") @Nullable String vatNumber, @JsonProperty("tax_code") @Nullable String taxCode,
			@Nullable String street, @JsonProperty("postal_code") @Nullable String postalCode, @Nullable String city,
			@Nullable String province, @Nullable String country, @JsonProperty("sdi_code") @Nullable String sdiCode,
			@Nullable String pec, @JsonProperty("split_payment") @Nullable Boolean splitPayment, @Nullable String cig,
			@Nullable String cup, @JsonProperty("order_reference") @Nullable String orderReference,
			@JsonProperty("order_date") @Nullable String orderDate) {

		/** As the checkout form would have been filled in. */
		BillingData toBillingData() {
			BillingData data = new BillingData();
			data.setCustomerType(customerType == null ? null : customerType.strip().toUpperCase(Locale.ROOT));
			data.setCompanyName(companyName);
			data.setFirstName(firstName);
			data.setLastName(lastName);
			data.setVatNumber(vatNumber);
			data.setTaxCode(taxCode);
			data.setStreet(street);
			data.setPostalCode(postalCode);
			data.setCity(city);
			data.setProvince(province);
			data.setCountry(country == null ? "IT" : country);
			data.setSdiCode(sdiCode);
			data.setPec(pec);
			data.setSplitPayment(Boolean.TRUE.equals(splitPayment));
			data.setCig(cig);
			data.setCup(cup);
			data.setOrderReference(orderReference);
			data.setOrderDate(orderDate);
			return data;
		}

	}

}
