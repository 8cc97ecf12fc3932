package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.shared.Money;
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

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "document_id", nullable = false, updatable = false)
	@OrderBy("lineNo")
	private List<InvoiceLine> lines = new ArrayList<>();

	protected InvoiceDocument() {
	}

	private InvoiceDocument(DocumentKind kind, DocumentNumber number, long resellerId, BillingDetails recipient,
			List<InvoiceLine> lines, LocalDate issueDate, Instant now) {
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
	}

	static InvoiceDocument invoice(DocumentNumber number, long resellerId, long orderId, String orderNumber,
			BillingDetails recipient, List<InvoiceLine> lines, LocalDate issueDate, Instant now) {
		InvoiceDocument invoice = new InvoiceDocument(DocumentKind.INVOICE, number, resellerId, recipient, lines,
				issueDate, now);
		invoice.orderId = orderId;
		invoice.orderNumber = orderNumber;
		return invoice;
	}

	/**
	 * The credit note that cancels this invoice in full: same recipient, same lines, same
	 * amounts.
	 */
	InvoiceDocument creditNote(DocumentNumber number, String reason, LocalDate issueDate, Instant now) {
		if (kind != DocumentKind.INVOICE) {
			throw new IllegalStateException("Only an invoice can be credited: " + this.number);
		}
		InvoiceDocument note = new InvoiceDocument(DocumentKind.CREDIT_NOTE, number, resellerId, recipient,
				lines.stream().map(InvoiceLine::copy).toList(), issueDate, now);
		note.orderId = orderId;
		note.orderNumber = orderNumber;
		note.corrects = this;
		note.reason = reason;
		return note;
	}

	static InvoiceDocument receipt(DocumentNumber number, long resellerId, long creditEntryId, BillingDetails payer,
			InvoiceLine line, LocalDate issueDate, Instant now) {
		InvoiceDocument receipt = new InvoiceDocument(DocumentKind.RECEIPT, number, resellerId, payer, List.of(line),
				issueDate, now);
		receipt.creditEntryId = creditEntryId;
		return receipt;
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

	public List<InvoiceLine> lines() {
		return List.copyOf(lines);
	}

}
