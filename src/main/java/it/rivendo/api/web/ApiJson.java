package it.rivendo.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ProductOffer;
import it.rivendo.credit.LedgerEntry;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.OrderDetails;
import it.rivendo.ordering.OrderSummary;
import it.rivendo.services.ServiceView;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the API answers, field by field: snake_case names, amounts as strings with two
 * decimals ({@code "31.20"}, never a float), instants in ISO 8601 UTC, names in Italian
 * and English, statuses and kinds in lower case.
 */
final class ApiJson {

	private ApiJson() {
	}

	static String amount(Money money) {
		return money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static String percent(BigDecimal percent) {
		return percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** A slice of a list, and the cursor of the next one (null after the last). */
	record Slice<T>(List<T> data, @JsonProperty("next_cursor") @Nullable String nextCursor) {
	}

	record Product(String code, LocalizedText name, String family,
			@JsonProperty("family_name") LocalizedText familyName, List<Mode> modes) {

		static Product of(ProductOffer offer) {
			return new Product(offer.code(), offer.name(), offer.familyCode(), offer.familyName(),
					offer.quotes().stream().map(Mode::of).toList());
		}

	}

	/** One mode of a product: its list price, the reseller's discount and price. */
	record Mode(String mode, @JsonProperty("list_price") String listPrice,
			@JsonProperty("discount_percent") String discountPercent, String price,
			@JsonProperty("vat_rate") String vatRate) {

		static Mode of(PriceQuote quote) {
			return new Mode(quote.mode().name(), amount(quote.listPrice()), percent(quote.discountPercent()),
					amount(quote.netPrice()), percent(quote.vatRate()));
		}

	}

	record Catalog(List<Product> products) {
	}

	record Balance(String balance, String currency) {

		static Balance of(Money balance) {
			return new Balance(amount(balance), "EUR");
		}

	}

	record Entry(long id, String kind, String amount, @JsonProperty("balance_after") String balanceAfter,
			String reference, String description, @JsonProperty("created_at") Instant createdAt) {

		static Entry of(LedgerEntry entry) {
			return new Entry(entry.id(), lower(entry.kind()), ApiJson.amount(entry.amount()),
					ApiJson.amount(entry.balanceAfter()), entry.reference(), entry.description(), entry.createdAt());
		}

	}

	record OrderRow(String number, @JsonProperty("created_at") Instant createdAt, String status, String total,
			int items, String recipient) {

		static OrderRow of(OrderSummary order) {
			return new OrderRow(order.number(), order.createdAt(), order.status().toLowerCase(Locale.ROOT),
					amount(order.total()), order.items(), order.recipientName());
		}

	}

	record Order(String number, @JsonProperty("created_at") Instant createdAt, String status, Billing billing,
			List<Line> lines, Totals totals, Documents documents) {

		/** An order; every paid order has its invoice, issued as it is paid. */
		static Order of(OrderDetails order) {
			String base = "/api/v1/orders/" + order.number() + "/invoice";
			return new Order(order.number(), order.createdAt(), order.status().toLowerCase(Locale.ROOT),
					Billing.of(order.billing()), order.lines().stream().map(Line::of).toList(),
					Totals.of(order.totals()), new Documents(base + ".pdf", base + ".xml"));
		}

	}

	record Line(int line, @JsonProperty("product_code") String productCode,
			@JsonProperty("product_name") LocalizedText productName, String mode, int quantity,
			@JsonProperty("unit_list_price") String unitListPrice,
			@JsonProperty("discount_percent") String discountPercent, @JsonProperty("unit_price") String unitPrice,
			@JsonProperty("vat_rate") String vatRate, String net) {

		static Line of(OrderDetails.Line line) {
			return new Line(line.lineNo(), line.productCode(), line.productName(), line.mode().name(), line.quantity(),
					amount(line.unitListPrice()), percent(line.discountPercent()), amount(line.unitNetPrice()),
					percent(line.vatRate()), amount(line.lineNet()));
		}

	}

	record Totals(String taxable, String vat, String total) {

		static Totals of(VatBreakdown totals) {
			return new Totals(amount(totals.taxable()), amount(totals.vat()), amount(totals.total()));
		}

	}

	/** Where the order's invoice is, as PDF and as FatturaPA XML. */
	record Documents(@JsonProperty("invoice_pdf") String invoicePdf, @JsonProperty("invoice_xml") String invoiceXml) {
	}

	/** The billing data as the order keeps them (normalised by the checkout's rules). */
	record Billing(@JsonProperty("customer_type") String customerType,
			@JsonProperty("company_name") @Nullable String companyName,
			@JsonProperty("first_name") @Nullable String firstName,
			@JsonProperty("last_name") @Nullable String lastName,
			@JsonProperty("vat_number") @Nullable String vatNumber, @JsonProperty("tax_code") @Nullable String taxCode,
			String street, @JsonProperty("postal_code") String postalCode, String city, String province, String country,
			@JsonProperty("sdi_code") String sdiCode, @Nullable String pec,
			@JsonProperty("split_payment") boolean splitPayment, @Nullable String cig, @Nullable String cup,
			@JsonProperty("order_reference") @Nullable String orderReference,
			@JsonProperty("order_date") @Nullable LocalDate orderDate) {

		static Billing of(BillingDetails billing) {
			return new Billing(lower(billing.customerType()), billing.companyName(), billing.firstName(),
					billing.lastName(), billing.vatNumber(), billing.taxCode(), billing.street(), billing.postalCode(),
					billing.city(), billing.province(), billing.country(), billing.sdiCode(), billing.pec(),
					billing.splitPayment(), billing.cig(), billing.cup(), billing.orderReference(),
					billing.orderDate());
		}

	}

	record Service(long id, @JsonProperty("product_code") String productCode,
			@JsonProperty("product_name") LocalizedText productName, String mode,
			@JsonProperty("order_number") String orderNumber, @JsonProperty("purchased_at") Instant purchasedAt,
			@JsonProperty("price_paid") String pricePaid, String status,
			@JsonProperty("customer_email") @Nullable String customerEmail,
			@JsonProperty("customer_name") @Nullable String customerName,
			@JsonProperty("activation_deadline") @Nullable Instant activationDeadline,
			@JsonProperty("activated_at") @Nullable Instant activatedAt,
			@JsonProperty("valid_until") @Nullable Instant validUntil, @JsonProperty("auto_renew") boolean autoRenew,
			@JsonProperty("can_associate") boolean canAssociate) {

		static Service of(ServiceView service) {
			return new Service(service.id(), service.productCode(), service.productName(), service.mode().name(),
					service.orderNumber(), service.purchasedAt(), amount(service.pricePaid()), lower(service.status()),
					service.customerEmail(), service.customerName(), service.activationDeadline(),
					service.activatedAt(), service.validUntil(), service.autoRenew(),
					service.canAssociate() || service.canChangeAssociation());
		}

	}

}
