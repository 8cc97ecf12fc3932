package it.rivendo.invoicing.internal;

import it.rivendo.credit.TopUpRecorded;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.invoicing.DocumentKind;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.ordering.OrderCancelled;
import it.rivendo.ordering.OrderDetails;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.ordering.RenewedTerm;
import it.rivendo.shared.Formats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues documents in the transaction of what caused them: the invoice with the payment,
 * the credit note with the cancellation, the receipt with the top-up. A number is taken
 * only when the document is saved in the same transaction, so a rollback gives it back
 * and no number is skipped. Events delivered twice issue nothing new.
 */
@Component
public class DocumentIssuer {

	private static final Logger log = LoggerFactory.getLogger(DocumentIssuer.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	private final InvoiceDocumentRepository documents;

	private final DocumentNumbers numbers;

	private final OrderHistory orders;

	private final ResellerAccounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	private final SellerProperties.StampDuty stampDuty;

	DocumentIssuer(InvoiceDocumentRepository documents, DocumentNumbers numbers, OrderHistory orders,
			ResellerAccounts accounts, MessageSource messages, Clock clock, SellerProperties properties) {
		this.stampDuty = properties.stampDuty();
		this.documents = documents;
		this.numbers = numbers;
		this.orders = orders;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The payment's invoice, issued as the very last thing its transaction does, just
	 * before the commit: taking a number locks the year's counter until the commit, and
	 * every other payment waits for it, so nothing else (the services, the e-mail, the
	 * empty cart) may run while it is held. The purchase e-mail attaches this invoice
	 * when it is sent, after the commit.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(OrderPlaced order) {
		// what the payment changed reaches the database before the counter is locked, not
		// after
		documents.flush();
		invoiceOf(order);
	}

	/** The order's invoice, issued now if it does not exist yet. */
	public InvoiceDocument invoiceOf(OrderPlaced order) {
		return documents.findByKindAndOrderNumber(DocumentKind.INVOICE, order.number())
			.orElseGet(() -> issueInvoice(order));
	}

	private InvoiceDocument issueInvoice(OrderPlaced placed) {
		OrderDetails order = orders.details(placed.resellerId(), placed.number());
		List<InvoiceLine> lines = new ArrayList<>();
		for (OrderDetails.Line line : order.lines()) {
			String mode = messages.getMessage(line.mode().messageKey(), null, Locale.ITALIAN);
			String modeEn = messages.getMessage(line.mode().messageKey(), null, Locale.ENGLISH);
			String description = line.productName().it() + " - " + mode;
			String descriptionEn = line.productName().en() + " - " + modeEn;
			if (line.renewal() != null) {
				description = renewalOf(description, line.renewal(), Locale.ITALIAN);
				descriptionEn = renewalOf(descriptionEn, line.renewal(), Locale.ENGLISH);
			}
			lines.add(new InvoiceLine(line.lineNo(), line.productCode(), description, descriptionEn, line.quantity(),
					line.unitNetPrice(), line.vatRate()));
		}
		LocalDate issueDate = dateOf(placed.placedAt());
		InvoiceDocument invoice = InvoiceDocument.invoice(numbers.next(DocumentKind.INVOICE, issueDate.getYear()),
				placed.resellerId(), placed.orderId(), placed.number(), order.billing(), lines, issueDate,
				clock.instant(), stampDuty);
		if (!invoice.totalAmount().equals(placed.total())) {
			throw new IllegalStateException("Invoice total " + invoice.totalAmount() + " differs from order "
					+ placed.number() + " total " + placed.total());
		}
		return documents.save(invoice);
	}

	@EventListener
	void on(OrderCancelled cancelled) {
		if (documents.existsByKindAndOrderNumber(DocumentKind.CREDIT_NOTE, cancelled.number())) {
			return;
		}
		InvoiceDocument invoice = documents.findByKindAndOrderNumber(DocumentKind.INVOICE, cancelled.number())
			.orElse(null);
		if (invoice == null) {
			log.warn("Order {} cancelled without an invoice: no credit note issued", cancelled.number());
			return;
		}
		LocalDate issueDate = dateOf(cancelled.cancelledAt());
		documents.save(invoice.creditNote(numbers.next(DocumentKind.CREDIT_NOTE, issueDate.getYear()),
				cancelled.reason(), issueDate, clock.instant(), stampDuty));
	}

	@EventListener
	void on(TopUpRecorded topUp) {
		if (documents.findByCreditEntryId(topUp.entryId()).isPresent()) {
			return;
		}
		BillingAddress payer = accounts.profile(topUp.resellerId())
			.orElseThrow(() -> new IllegalStateException("No profile for reseller " + topUp.resellerId()))
			.billing();
		LocalDate issueDate = dateOf(topUp.recordedAt());
		InvoiceLine line = new InvoiceLine(1, null, messages.getMessage("invoicing.receipt.line", null, Locale.ITALIAN),
				messages.getMessage("invoicing.receipt.line", null, Locale.ENGLISH), 1, topUp.amount(),
				BigDecimal.ZERO);
		documents.save(InvoiceDocument.receipt(numbers.next(DocumentKind.RECEIPT, issueDate.getYear()),
				topUp.resellerId(), topUp.entryId(), billingOf(payer), line, issueDate, clock.instant(), stampDuty));
	}

	/**
	 * "Rinnovo: product - mode, per the end customer, valido fino al date", cut to the
	 * 300 characters an invoice line holds.
	 */
	private String renewalOf(String product, RenewedTerm renewal, Locale locale) {
		String text = messages.getMessage("invoicing.line.renewal", new Object[] { product,
				renewal.customerEmail() == null ? "-" : renewal.customerEmail(), DAY.format(renewal.renewedUntil()) },
				locale);
		return text.length() <= 300 ? text : text.substring(0, 300);
	}

	private static BillingDetails billingOf(BillingAddress own) {
		return new BillingDetails(CustomerType.COMPANY, own.companyName(), null, null, own.vatNumber(), own.taxCode(),
				own.street(), own.postalCode(), own.city(), own.province(), own.country(), own.sdiCode(), own.pec());
	}

	private static LocalDate dateOf(Instant instant) {
		return instant.atZone(Formats.SHOP_ZONE).toLocalDate();
	}

}
