package it.rivendo.cart.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.cart.Renewal;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Units of one product in one mode, with the price the reseller saw when adding them; or
 * one unit renewing a purchased service.
 */
@Entity
@Table(name = "cart_line")
public class CartLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long productId;

	@Enumerated(EnumType.STRING)
	private IdentificationMode mode;

	private int quantity;

	private Money unitListPrice;

	private BigDecimal discountPercent;

	private Money unitNetPrice;

	private Instant addedAt;

	private Long renewsServiceId;

	private String renewalCustomerEmail;

	private Instant renewalValidUntil;

	private Instant renewalUntil;

	protected CartLine() {
	}

	/** One unit of the service's product, renewing that service. */
	CartLine(PriceQuote quote, Renewal renewal, Instant now) {
		this(quote, 1, now);
		this.renewsServiceId = renewal.serviceId();
		this.renewalCustomerEmail = renewal.customerEmail();
		this.renewalValidUntil = renewal.validUntil();
		this.renewalUntil = renewal.renewedUntil();
	}

	CartLine(PriceQuote quote, int quantity, Instant now) {
		this.productId = quote.productId();
		this.mode = quote.mode();
		this.addedAt = now;
		changeQuantity(quantity);
		seePrice(quote);
	}

	/**
	 * @throws Refusal when the line would hold more than 99 units
	 * ({@code cart.quantity.full})
	 */
	void increaseBy(int more, PriceQuote quote) {
		if (renewsServiceId != null) {
			throw new Refusal("cart.quantity.renewal");
		}
		if (quantity + more > Cart.MAX_QUANTITY) {
			throw new Refusal("cart.quantity.full");
		}
		changeQuantity(quantity + more);
		seePrice(quote);
	}

	/**
	 * @throws Refusal when the quantity is not 1 to 99 ({@code cart.quantity.range})
	 */
	void changeQuantity(int newQuantity) {
		if (renewsServiceId != null && newQuantity != 1) {
			throw new Refusal("cart.quantity.renewal");
		}
		if (newQuantity < 1 || newQuantity > Cart.MAX_QUANTITY) {
			throw new Refusal("cart.quantity.range");
		}
		this.quantity = newQuantity;
	}

	/** Remembers the price now shown to the reseller. */
	public void seePrice(PriceQuote quote) {
		this.unitListPrice = quote.listPrice();
		this.discountPercent = quote.discountPercent();
		this.unitNetPrice = quote.netPrice();
	}

	public long id() {
		return id;
	}

	public long productId() {
		return productId;
	}

	public IdentificationMode mode() {
		return mode;
	}

	public int quantity() {
		return quantity;
	}

	public Money unitListPrice() {
		return unitListPrice;
	}

	public BigDecimal discountPercent() {
		return discountPercent;
	}

	public Money unitNetPrice() {
		return unitNetPrice;
	}

	/** What the line renews; null for a purchase. */
	public Renewal renewal() {
		return renewsServiceId == null ? null
				: new Renewal(renewsServiceId, renewalCustomerEmail, renewalValidUntil, renewalUntil);
	}

	public boolean renews(long serviceId) {
		return renewsServiceId != null && renewsServiceId == serviceId;
	}

}
