package it.rivendo.ordering.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.OrderBatch;
import it.rivendo.ordering.RenewedTerm;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.VatBreakdown;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An Operatore's order waiting for a Titolare's approval (issue 17): what was in the
 * cart, at the prices of that moment, and who it is billed to. Nothing is charged while
 * it waits; approved, it is paid as an order ({@link #orderNumber}); rejected or expired,
 * nothing else remains of it.
 */
@Entity
@Table(name = "order_request")
public class OrderRequest {

	public enum Status {

		PENDING, APPROVED, REJECTED, EXPIRED,

		/** A bulk order whose upload was confirmed directly while it waited. */
		SUPERSEDED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	private long requestedByUserId;

	private String checkoutToken;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Money taxableAmount;

	private Money vatAmount;

	private Money totalAmount;

	@Embedded
	private BillingDetails billing;

	/** Whether the billing data enter the address book once it is approved. */
	private boolean saveCustomer;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant decidedAt;

	private String decidedBy;

	private String reason;

	private String orderNumber;

	/** A bulk order's request: the upload it issues once approved; null for a cart. */
	private Long bulkUploadId;

	private String bulkFileName;

	private Integer bulkRows;

	private Integer bulkCustomers;

	@ElementCollection
	@CollectionTable(name = "order_request_line", joinColumns = @JoinColumn(name = "request_id"))
	@OrderBy("lineNo")
	private List<Line> lines = new ArrayList<>();

	protected OrderRequest() {
	}

	public OrderRequest(long resellerId, long requestedByUserId, String checkoutToken, BillingDetails billing,
			boolean saveCustomer, List<PriceQuote> quotes, List<Integer> quantities, List<RenewedTerm> renewals,
			VatBreakdown totals, Instant now, Instant expiresAt) {
		if (quotes.isEmpty() || quotes.size() != quantities.size() || quotes.size() != renewals.size()) {
			throw new IllegalArgumentException("A request needs its lines");
		}
		this.resellerId = resellerId;
		this.requestedByUserId = requestedByUserId;
		this.checkoutToken = checkoutToken;
		this.billing = billing;
		this.saveCustomer = saveCustomer;
		for (int i = 0; i < quotes.size(); i++) {
			PriceQuote quote = quotes.get(i);
			lines.add(new Line(i + 1, quote.productId(), quote.productCode(), quote.productName().it(),
					quote.productName().en(), quote.mode(), quantities.get(i), quote.listPrice(),
					quote.discountPercent(), quote.netPrice(), quote.vatRate(), renewals.get(i)));
		}
		this.taxableAmount = totals.taxable();
		this.vatAmount = totals.vat();
		this.totalAmount = totals.total();
		this.status = Status.PENDING;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	/**
	 * A bulk order's request: the checked upload (its rows and billing customers stay
	 * with the bulk module), how many rows and billing customers it has and what it all
	 * costs; no lines and no billing data of its own.
	 */
	public OrderRequest(long resellerId, long requestedByUserId, String checkoutToken, long bulkUploadId,
			String fileName, int rows, int customers, Money taxable, Money vat, Money total, Instant now,
			Instant expiresAt) {
		this.resellerId = resellerId;
		this.requestedByUserId = requestedByUserId;
		this.checkoutToken = checkoutToken;
		this.bulkUploadId = bulkUploadId;
		this.bulkFileName = fileName;
		this.bulkRows = rows;
		this.bulkCustomers = customers;
		// no billing data of its own (each of its orders has its customer's), but the
		// columns' one flag is not null
		this.billing = new BillingDetails(null, null, null, null, null, null, null, null, null, null, null, null, null,
				false, null, null, null, null);
		this.taxableAmount = taxable;
		this.vatAmount = vat;
		this.totalAmount = total;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	/**
	 * Marks it paid by the given order.
	 * @throws Refusal when it no longer waits (decided, or expired at this moment)
	 */
	public void approve(String paidBy, String actor, Instant now) {
		requirePending(now);
		this.status = Status.APPROVED;
		this.orderNumber = paidBy;
		decided(actor, now, null);
	}

	/**
	 * @throws Refusal when it no longer waits
	 */
	public void reject(String why, String actor, Instant now) {
		requirePending(now);
		this.status = Status.REJECTED;
		decided(actor, now,
				why == null || why.isBlank() ? null : why.strip().substring(0, Math.min(300, why.strip().length())));
	}

	/** Past its time without a decision: it no longer waits. */
	public void expire(Instant now) {
		if (status != Status.PENDING || now.isBefore(expiresAt)) {
			throw new IllegalStateException("Request " + id + " is not due to expire");
		}
		this.status = Status.EXPIRED;
		decided(null, now, null);
	}

	/**
	 * Its bulk upload was confirmed directly while it waited (issue 17): it waits no
	 * more, and issues nothing.
	 */
	public void supersede(String actor, Instant now) {
		if (status != Status.PENDING) {
			throw new IllegalStateException("Request " + id + " no longer waits");
		}
		this.status = Status.SUPERSEDED;
		decided(actor, now, null);
	}

	/**
	 * @throws Refusal when it is decided, or its time ran out
	 */
	public void requirePending(Instant now) {
		if (status != Status.PENDING) {
			throw new Refusal("approval.decided");
		}
		if (!now.isBefore(expiresAt)) {
			throw new Refusal("approval.expired");
		}
	}

	private void decided(String actor, Instant now, String why) {
		this.decidedBy = actor;
		this.decidedAt = now;
		this.reason = why;
	}

	/** The order it becomes once approved: its lines at the requested prices. */
	public OrderBatch.Order toOrder() {
		return new OrderBatch.Order(billing,
				lines.stream()
					.map(line -> new OrderBatch.Item(
							new PriceQuote(line.productId, line.productCode,
									new LocalizedText(line.productName, line.productNameEn), null, null, line.mode,
									line.unitListPrice, line.discountPercent, line.unitNetPrice, line.vatRate),
							line.quantity, line.renewal()))
					.toList());
	}

	public Long id() {
		return id;
	}

	public long resellerId() {
		return resellerId;
	}

	public long requestedByUserId() {
		return requestedByUserId;
	}

	public Status status() {
		return status;
	}

	public Money totalAmount() {
		return totalAmount;
	}

	/** The billing data of a cart's request; null for a bulk order's. */
	public BillingDetails billing() {
		return isBulk() ? null : billing;
	}

	public boolean isBulk() {
		return bulkUploadId != null;
	}

	public Long bulkUploadId() {
		return bulkUploadId;
	}

	public String bulkFileName() {
		return bulkFileName;
	}

	public Integer bulkRows() {
		return bulkRows;
	}

	public Integer bulkCustomers() {
		return bulkCustomers;
	}

	public boolean saveCustomer() {
		return saveCustomer;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Instant decidedAt() {
		return decidedAt;
	}

	public String decidedBy() {
		return decidedBy;
	}

	public String reason() {
		return reason;
	}

	public String orderNumber() {
		return orderNumber;
	}

	public List<Line> lines() {
		return List.copyOf(lines);
	}

	/**
	 * A requested line: quantity units of a product in a mode at the price of the
	 * request.
	 */
	@Embeddable
	public static class Line {

		private int lineNo;

		private long productId;

		private String productCode;

		private String productName;

		private String productNameEn;

		@Enumerated(EnumType.STRING)
		private IdentificationMode mode;

		private int quantity;

		private Money unitListPrice;

		private BigDecimal discountPercent;

		private Money unitNetPrice;

		private BigDecimal vatRate;

		/** The service a renewal line renews, and its term: null for a purchase. */
		private Long renewsServiceId;

		private String renewalCustomerEmail;

		private Instant renewalValidUntil;

		private Instant renewalUntil;

		protected Line() {
		}

		Line(int lineNo, long productId, String productCode, String productName, String productNameEn,
				IdentificationMode mode, int quantity, Money unitListPrice, BigDecimal discountPercent,
				Money unitNetPrice, BigDecimal vatRate, RenewedTerm renewal) {
			this.lineNo = lineNo;
			this.productId = productId;
			this.productCode = productCode;
			this.productName = productName;
			this.productNameEn = productNameEn;
			this.mode = mode;
			this.quantity = quantity;
			this.unitListPrice = unitListPrice;
			this.discountPercent = discountPercent;
			this.unitNetPrice = unitNetPrice;
			this.vatRate = vatRate;
			if (renewal != null) {
				this.renewsServiceId = renewal.serviceId();
				this.renewalCustomerEmail = renewal.customerEmail();
				this.renewalValidUntil = renewal.validUntil();
				this.renewalUntil = renewal.renewedUntil();
			}
		}

		/** What it renews, or null when it is a purchase. */
		public RenewedTerm renewal() {
			return renewsServiceId == null ? null
					: new RenewedTerm(renewsServiceId, renewalCustomerEmail, renewalValidUntil, renewalUntil);
		}

		public LocalizedText productName() {
			return new LocalizedText(productName, productNameEn);
		}

		public long productId() {
			return productId;
		}

		public Money unitNetPrice() {
			return unitNetPrice;
		}

		public BigDecimal vatRate() {
			return vatRate;
		}

		public IdentificationMode mode() {
			return mode;
		}

		public int quantity() {
			return quantity;
		}

		public Money lineNet() {
			return unitNetPrice.times(quantity);
		}

	}

}
