package it.rivendo.invoicing;

import it.rivendo.invoicing.internal.FatturaPaWriter;
import it.rivendo.invoicing.internal.InvoiceDocument;
import it.rivendo.invoicing.internal.InvoiceDocumentRepository;
import it.rivendo.invoicing.internal.PdfRenderer;
import it.rivendo.invoicing.internal.SdiEvent;
import it.rivendo.invoicing.internal.SdiEventRepository;
import it.rivendo.shared.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents issued, and their files: PDF for every document, FatturaPA XML for
 * invoices and credit notes. Resellers reach only their own ({@link #ofOrder},
 * {@link #receiptOf}); staff reach every one.
 */
@Service
@Transactional(readOnly = true)
public class Invoices {

	private static final String XML = "application/xml";

	private static final String PDF = "application/pdf";

	private final InvoiceDocumentRepository documents;

	private final PdfRenderer pdf;

	private final FatturaPaWriter xml;

	private final SdiEventRepository events;

	private final ObjectProvider<SdiChannel> channel;

	Invoices(InvoiceDocumentRepository documents, PdfRenderer pdf, FatturaPaWriter xml, SdiEventRepository events,
			ObjectProvider<SdiChannel> channel) {
		this.documents = documents;
		this.pdf = pdf;
		this.xml = xml;
		this.events = events;
		this.channel = channel;
	}

	/** How documents reach the SdI here: by hand (files), a channel, or a simulation. */
	public enum Transmission {

		FILES, CHANNEL, SIMULATION

	}

	public Transmission transmission() {
		SdiChannel available = channel.getIfAvailable();
		return available == null ? Transmission.FILES
				: available.simulated() ? Transmission.SIMULATION : Transmission.CHANNEL;
	}

	/** A document's history with the SdI, oldest first. */
	public List<SdiHistory> sdiHistory(long documentId) {
		return events.findByDocumentIdOrderById(documentId)
			.stream()
			.map(event -> new SdiHistory(event.id(), event.happenedAt(), event.status(), event.receiptType(),
					event.errorCodes(), event.note(), event.receiptXml() != null))
			.toList();
	}

	/** A receipt of the SdI, as received. */
	public DocumentFile sdiReceipt(long eventId) {
		SdiEvent event = events.findById(eventId)
			.filter(found -> found.receiptXml() != null)
			.orElseThrow(() -> new NotFoundException("receipt " + eventId));
		return new DocumentFile(
				"ricevuta-" + event.receiptType() + "-" + event.documentId() + "-" + event.id() + ".xml", XML,
				event.receiptXml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * A reseller's document of an order, e.g. its invoice; empty when it does not exist
	 * or is another's.
	 */
	public Optional<DocumentSummary> ofOrder(long resellerId, String orderNumber, DocumentKind kind) {
		return documents.findByKindAndOrderNumber(kind, orderNumber)
			.filter(document -> document.resellerId() == resellerId)
			.map(Invoices::summary);
	}

	/**
	 * The receipt of a reseller's top-up (credit ledger entry); empty when there is none
	 * or it is another's.
	 */
	public Optional<DocumentSummary> receiptOf(long resellerId, long creditEntryId) {
		return documents.findByCreditEntryId(creditEntryId)
			.filter(document -> document.resellerId() == resellerId)
			.map(Invoices::summary);
	}

	public List<DocumentSummary> forOrder(String orderNumber) {
		return documents.findByOrderNumberOrderById(orderNumber).stream().map(Invoices::summary).toList();
	}

	/**
	 * Every document issued between two dates, both included, in number order per kind.
	 */
	public List<DocumentSummary> issuedBetween(LocalDate from, LocalDate to) {
		return issuedBetween(from, to, null);
	}

	/**
	 * The documents issued between two dates, both included, in number order per kind;
	 * only those with this SdI status when one is given.
	 */
	public List<DocumentSummary> issuedBetween(LocalDate from, LocalDate to, SdiStatus status) {
		return documents.issuedBetween(from, to, List.of(DocumentKind.values()))
			.stream()
			.filter(document -> status == null || status == document.sdiStatus())
			.map(Invoices::summary)
			.toList();
	}

	public DocumentSummary get(long documentId) {
		return summary(document(documentId));
	}

	public DocumentFile pdf(long documentId) {
		InvoiceDocument document = document(documentId);
		return new DocumentFile(pdf.fileName(document), PDF, pdf.render(document));
	}

	/**
	 * @throws NotFoundException for a receipt, which has no FatturaPA form
	 */
	public DocumentFile xml(long documentId) {
		InvoiceDocument document = document(documentId);
		if (!document.kind().hasXml()) {
			throw new NotFoundException("xml of " + document.number());
		}
		return new DocumentFile(xml.fileName(document), XML, xml.write(document));
	}

	/**
	 * The FatturaPA files of the invoices and credit notes issued between two dates, in
	 * one ZIP.
	 */
	public DocumentFile xmlZip(LocalDate from, LocalDate to) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (InvoiceDocument document : documents.issuedBetween(from, to,
					List.of(DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE))) {
				zip.putNextEntry(new ZipEntry(xml.fileName(document)));
				zip.write(xml.write(document));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new DocumentFile("fatture_" + from + "_" + to + ".zip", "application/zip", out.toByteArray());
	}

	private InvoiceDocument document(long documentId) {
		return documents.findById(documentId).orElseThrow(() -> new NotFoundException("document " + documentId));
	}

	private static DocumentSummary summary(InvoiceDocument document) {
		return new DocumentSummary(document.id(), document.kind(), document.number(), document.issueDate(),
				document.resellerId(), document.orderNumber(), document.recipient().recipientName(),
				document.totalAmount(), document.sdiStatus());
	}

}
