package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.invoicing.SdiReceipt;
import it.rivendo.invoicing.SdiStatus;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An issued document: invoice, credit note or receipt. Immutable once issued: its
 * recipient and lines are a snapshot, its totals are those of {@link VatBreakdown} over
 * its lines, stored so that the database, the PDF and the XML say the same.
 */
@Entity
@Table(name = "invoice_document")
public class InvoiceDocument {

	static final Duration CORRECTION_WINDOW = Duration.ofDays(5);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private DocumentKind kind;

	private int year;

	private int seq;

	private String number;

	private long resellerId;

	private Long orderId;

	private String orderNumber;

	private Long creditEntryId;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "corrects_id")
	private InvoiceDocument corrects;

	private String reason;

	private LocalDate issueDate;

	private Instant issuedAt;

	@Embedded
	private BillingDetails recipient;

	private Money taxableAmount;

	private Money vatAmount;

	private Money totalAmount;

	private Money stampDuty;

	@Enumerated(EnumType.STRING)
	private SdiStatus sdiStatus;

	private int sdiAttempts;

	private int sdiFailures;

	private Instant sdiDueAt;

	private Instant sdiRejectedAt;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "document_id", nullable = false, updatable = false)
	@OrderBy("lineNo")
	private List<InvoiceLine> lines = new ArrayList<>();

	protected InvoiceDocument() {
	}

	private InvoiceDocument(DocumentKind kind, DocumentNumber number, long resellerId, BillingDetails recipient,
			List<InvoiceLine> lines, LocalDate issueDate, Instant now, SellerProperties.StampDuty duty) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A document needs at least one line");
		}
		this.kind = kind;
		this.year = number.year();
		this.seq = number.seq();
		this.number = kind.format(number.year(), number.seq());
		this.resellerId = resellerId;
		this.recipient = recipient;
		this.lines.addAll(lines);
		this.issueDate = issueDate;
		this.issuedAt = now;
		VatBreakdown totals = totals();
		this.taxableAmount = totals.taxable();
		this.vatAmount = totals.vat();
		this.totalAmount = totals.total();
		this.stampDuty = duty.dueOn(withoutVat());
		if (kind.hasXml()) {
			this.sdiStatus = SdiStatus.TO_SEND;
			this.sdiDueAt = now;
		}
	}

	static InvoiceDocument invoice(DocumentNumber number, long resellerId, long orderId, String orderNumber,
			BillingDetails recipient, List<InvoiceLine> lines, LocalDate issueDate, Instant now,
			SellerProperties.StampDuty duty) {
		InvoiceDocument invoice = new InvoiceDocument(DocumentKind.INVOICE, number, resellerId, recipient, lines,
				issueDate, now, duty);
		invoice.orderId = orderId;
		invoice.orderNumber = orderNumber;
		return invoice;
	}

	/**
	 * The credit note that cancels this invoice in full: same recipient, same lines, same
	 * amounts.
	 */
	InvoiceDocument creditNote(DocumentNumber number, String reason, LocalDate issueDate, Instant now,
			SellerProperties.StampDuty duty) {
		if (kind != DocumentKind.INVOICE) {
			throw new IllegalStateException("Only an invoice can be credited: " + this.number);
		}
		InvoiceDocument note = new InvoiceDocument(DocumentKind.CREDIT_NOTE, number, resellerId, recipient,
				lines.stream().map(InvoiceLine::copy).toList(), issueDate, now, duty);
		note.orderId = orderId;
		note.orderNumber = orderNumber;
		note.corrects = this;
		note.reason = reason;
		return note;
	}

	static InvoiceDocument receipt(DocumentNumber number, long resellerId, long creditEntryId, BillingDetails payer,
			InvoiceLine line, LocalDate issueDate, Instant now, SellerProperties.StampDuty duty) {
		InvoiceDocument receipt = new InvoiceDocument(DocumentKind.RECEIPT, number, resellerId, payer, List.of(line),
				issueDate, now, duty);
		receipt.creditEntryId = creditEntryId;
		return receipt;
	}

	/**
	 * The file was handed over to the SdI: sent, waiting for its receipt.
	 */
	void transmitted() {
		if (sdiStatus != SdiStatus.TO_SEND) {
			throw new IllegalStateException(number + " is " + sdiStatus + ", not to send");
		}
		sdiStatus = SdiStatus.SENT;
		sdiAttempts++;
		sdiFailures = 0;
		sdiDueAt = null;
	}

	/**
	 * The channel could not take the file: tried again after a minute, then two, four...
	 * at most an hour.
	 */
	void notHandedOver(Instant now) {
		sdiFailures++;
		long minutes = Math.min(60, 1L << Math.min(6, sdiFailures - 1));
		sdiDueAt = now.plus(Duration.ofMinutes(minutes));
	}

	/**
	 * What a receipt of the SdI says about the last transmission.
	 * @return whether it changed the status (a receipt that makes no sense in the current
	 * status is kept in the history only)
	 */
	boolean receive(SdiReceipt.Type type, String outcome, Instant now) {
		SdiStatus next = switch (type) {
			case RC -> sdiStatus == SdiStatus.SENT ? SdiStatus.DELIVERED : null;
			case NS -> sdiStatus == SdiStatus.SENT ? SdiStatus.REJECTED : null;
			case MC -> sdiStatus == SdiStatus.SENT ? SdiStatus.NOT_DELIVERED : null;
			case NE -> sdiStatus == SdiStatus.DELIVERED || sdiStatus == SdiStatus.SENT
					? (SdiReceipt.REFUSED.equals(outcome) ? SdiStatus.REFUSED : SdiStatus.ACCEPTED) : null;
			case DT ->
				sdiStatus == SdiStatus.DELIVERED || sdiStatus == SdiStatus.SENT ? SdiStatus.DEADLINE_PASSED : null;
		};
		if (next == null) {
			return false;
		}
		sdiStatus = next;
		if (next == SdiStatus.REJECTED) {
			sdiRejectedAt = now;
		}
		return true;
	}

	/**
	 * Until when a rejected document may be sent again with its number and date: five
	 * days after the rejection, as the Agenzia delle Entrate allows; null when it is not
	 * rejected.
	 */
	public Instant correctableUntil() {
		return sdiStatus == SdiStatus.REJECTED && sdiRejectedAt != null ? sdiRejectedAt.plus(CORRECTION_WINDOW) : null;
	}

	public boolean correctable(Instant now) {
		Instant until = correctableUntil();
		return until != null && !now.isAfter(until);
	}

	/**
	 * The recipient's data corrected after a rejection: the same number and date, sent
	 * again as a new file.
	 * @throws Refusal when the document is not rejected, or the five days are over
	 */
	void correct(BillingDetails corrected, Instant now) {
		if (sdiStatus != SdiStatus.REJECTED) {
			throw new Refusal("invoicing.sdi.correct.notRejected", number);
		}
		if (!correctable(now)) {
			throw new Refusal("invoicing.sdi.correct.late", number);
		}
		this.recipient = corrected;
		this.sdiStatus = SdiStatus.TO_SEND;
		this.sdiDueAt = now;
		this.sdiFailures = 0;
	}

	/**
	 * Taxable amount per rate, VAT per rate rounded half-up to the cent, and the total:
	 * the Italian way.
	 */
	public VatBreakdown totals() {
		return VatBreakdown.of(lines.stream().map(line -> new TaxableLine(line.lineNet(), line.vatRate())).toList());
	}

	public Long id() {
		return id;
	}

	public DocumentKind kind() {
		return kind;
	}

	public int year() {
		return year;
	}

	public int seq() {
		return seq;
	}

	public String number() {
		return number;
	}

	public long resellerId() {
		return resellerId;
	}

	public String orderNumber() {
		return orderNumber;
	}

	public Long creditEntryId() {
		return creditEntryId;
	}

	public InvoiceDocument corrects() {
		return corrects;
	}

	public String reason() {
		return reason;
	}

	public LocalDate issueDate() {
		return issueDate;
	}

	public Instant issuedAt() {
		return issuedAt;
	}

	public BillingDetails recipient() {
		return recipient;
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
	 * The amounts without VAT: the lines at 0% (not subject, exempt), on which the stamp
	 * duty is due.
	 */
	public Money withoutVat() {
		return lines.stream()
			.filter(line -> line.vatRate().signum() == 0)
			.map(InvoiceLine::lineNet)
			.reduce(Money.ZERO, Money::plus);
	}

	/** The imposta di bollo paid virtually on this document; zero when none is due. */
	public Money stampDuty() {
		return stampDuty;
	}

	/**
	 * With split payment the public administration pays the VAT to the State: what is due
	 * to the seller is the total without the VAT.
	 */
	public Money amountDue() {
		return recipient.splitPayment() ? totalAmount.minus(vatAmount) : totalAmount;
	}

	public SdiStatus sdiStatus() {
		return sdiStatus;
	}

	public int sdiAttempts() {
		return sdiAttempts;
	}

	public Instant sdiDueAt() {
		return sdiDueAt;
	}

	public List<InvoiceLine> lines() {
		return List.copyOf(lines);
	}

}
