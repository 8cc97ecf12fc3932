package it.rivendo.ordering.internal;

import it.rivendo.ordering.BillingDetails;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order paid from credit: a snapshot of what was bought, at which price, billed to
 * whom.
 */
@Entity
@Table(name = "purchase_order")
public class Order {

	public enum Status {

		PAID, CANCELLED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String number;

	private long resellerId;

	private String checkoutToken;

	/** The user who placed it; null for the shop itself and for orders before teams. */
	private Long placedByUserId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Money taxableAmount;

	private Money vatAmount;

	private Money totalAmount;

	@Embedded
	private BillingDetails billing;

	private Instant createdAt;

	private Instant cancelledAt;

	private String cancelReason;

	private String cancelledBy;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "order_id", nullable = false, updatable = false)
	@OrderBy("lineNo")
	private List<OrderLine> lines = new ArrayList<>();

	protected Order() {
	}

	public Order(String number, long resellerId, String checkoutToken, BillingDetails billing, List<OrderLine> lines,
			VatBreakdown totals, Instant now, Long placedByUserId) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order needs at least one line");
		}
		this.number = number;
		this.resellerId = resellerId;
		this.checkoutToken = checkoutToken;
		this.placedByUserId = placedByUserId;
		this.billing = billing;
		this.lines.addAll(lines);
		this.taxableAmount = totals.taxable();
		this.vatAmount = totals.vat();
		this.totalAmount = totals.total();
		this.status = Status.PAID;
		this.createdAt = now;
	}

	/**
	 * Cancels a paid order, for good.
	 * @throws Refusal when it is not paid (e.g. already cancelled) or no reason is given
	 */
	public void cancel(String reason, String actor, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal("order.cancel.reasonRequired");
		}
		if (status != Status.PAID) {
			throw new Refusal("order.cancel.notPaid");
		}
		this.status = Status.CANCELLED;
		this.cancelReason = reason.strip().substring(0, Math.min(reason.strip().length(), 300));
		this.cancelledBy = actor;
		this.cancelledAt = now;
	}

	public Instant cancelledAt() {
		return cancelledAt;
	}

	public String cancelReason() {
		return cancelReason;
	}

	public Long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public long resellerId() {
		return resellerId;
	}

	/** The user who placed it, or null (the shop itself, or an order before teams). */
	public Long placedByUserId() {
		return placedByUserId;
	}

	public Status status() {
		return status;
	}

	public Money taxableAmount() {
		return taxableAmount;
	}

	public Money vatAmount() {
		return vatAmount;
	}

	public Money totalAmount() {
		return totalAmount;
	}

	/**
	 * The billing data corrected after the invoice was rejected by the SdI (whether it
	 * may still be is the invoicing's to say, when it hears of it).
	 */
	public void correctBilling(BillingDetails corrected) {
		if (corrected == null) {
			throw new IllegalArgumentException("No billing data for order " + number);
		}
		this.billing = corrected;
	}

	public BillingDetails billing() {
		return billing;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public List<OrderLine> lines() {
		return List.copyOf(lines);
	}

}
