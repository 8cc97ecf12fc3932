package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Writes an invoice (TD01) or a credit note (TD04) as a FatturaPA 1.2 file, format FPR12
 * (between private parties) or FPA12 (to a public administration: its office code, split
 * payment, CIG/CUP and purchase order), with the stamp duty when one is due, with StAX.
 * Amounts are the document's own: the same {@link VatBreakdown} the PDF and the pages
 * show.
 */
@Component
public class FatturaPaWriter {

	static final String NAMESPACE = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2";

	private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

	private static final String FOREIGN_POSTAL_CODE = "00000";

	/**
	 * A foreign private person with no fiscal code of their own is identified this way.
	 */
	private static final String UNKNOWN_FOREIGN_ID = "99999999999";

	private final SellerProperties properties;

	private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

	FatturaPaWriter(SellerProperties properties) {
		this.properties = properties;
	}

	/**
	 * The official file name of a downloaded file: seller's country and VAT number, and a
	 * 5-character progressive from the document's id.
	 */
	public String fileName(InvoiceDocument document) {
		return fileName(document.id());
	}

	/**
	 * The official file name with a 5-character progressive (base 36) from a number: the
	 * document's id for a download, a number from {@code sdi_file_seq} (from 36^4 up, so
	 * never a download's) for each file sent to the SdI.
	 */
	public String fileName(long number) {
		String progressive = Long.toString(number, 36).toUpperCase(Locale.ROOT);
		if (progressive.length() > 5) {
			throw new IllegalStateException("File progressive " + number + " does not fit 5 characters");
		}
		return "IT" + properties.seller().vatNumber() + "_" + "0".repeat(5 - progressive.length()) + progressive
				+ ".xml";
	}

	public byte[] write(InvoiceDocument document) {
		return write(document, 1);
	}

	/**
	 * The file of a document's n-th transmission: the same document, with its own
	 * ProgressivoInvio.
	 */
	public byte[] write(InvoiceDocument document, int attempt) {
		if (!document.kind().hasXml()) {
			throw new IllegalArgumentException(document.kind() + " " + document.number() + " has no FatturaPA form");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setPrefix("p", NAMESPACE);
			xml.writeStartElement("p", "FatturaElettronica", NAMESPACE);
			xml.writeNamespace("p", NAMESPACE);
			xml.writeNamespace("ds", DSIG);
			xml.writeAttribute("versione", format(document));
			header(xml, document, attempt);
			body(xml, document);
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("FatturaPA of " + document.number() + " not written", ex);
		}
		return out.toByteArray();
	}

	private void header(XMLStreamWriter xml, InvoiceDocument document, int attempt) throws XMLStreamException {
		SellerProperties.Seller seller = properties.seller();
		BillingDetails buyer = document.recipient();
		xml.writeStartElement("FatturaElettronicaHeader");

		xml.writeStartElement("DatiTrasmissione");
		idFiscale(xml, "IdTrasmittente", "IT", seller.vatNumber());
		text(xml, "ProgressivoInvio", progressive(document, attempt));
		text(xml, "FormatoTrasmissione", format(document));
		boolean pecOnly = !buyer.foreign() && BillingDetails.PEC_ONLY_CODE.equals(buyer.sdiCode());
		text(xml, "CodiceDestinatario",
				buyer.foreign() ? BillingDetails.FOREIGN_CODE : (buyer.sdiCode() == null || buyer.sdiCode().isBlank()
						? BillingDetails.PEC_ONLY_CODE : buyer.sdiCode()));
		if (pecOnly && buyer.pec() != null && !buyer.pec().isBlank()) {
			text(xml, "PECDestinatario", buyer.pec().strip());
		}
		xml.writeEndElement();

		xml.writeStartElement("CedentePrestatore");
		xml.writeStartElement("DatiAnagrafici");
		idFiscale(xml, "IdFiscaleIVA", "IT", seller.vatNumber());
		if (seller.taxCode() != null && !seller.taxCode().isBlank()) {
			text(xml, "CodiceFiscale", seller.taxCode());
		}
		xml.writeStartElement("Anagrafica");
		text(xml, "Denominazione", latin(seller.companyName(), 80));
		xml.writeEndElement();
		text(xml, "RegimeFiscale", seller.taxRegime());
		xml.writeEndElement();
		address(xml, seller.street(), seller.postalCode(), seller.city(), seller.province(), seller.country());
		xml.writeEndElement();

		xml.writeStartElement("CessionarioCommittente");
		xml.writeStartElement("DatiAnagrafici");
		boolean company = buyer.customerType() != CustomerType.PERSON;
		if (buyer.foreign()) {
			String id = company ? buyer.vatNumber() : buyer.taxCode();
			idFiscale(xml, "IdFiscaleIVA", buyer.country(), foreignId(buyer.country(), id));
		}
		else {
			if (company && buyer.vatNumber() != null) {
				idFiscale(xml, "IdFiscaleIVA", "IT", buyer.vatNumber());
			}
			if (buyer.taxCode() != null && !buyer.taxCode().isBlank()) {
				text(xml, "CodiceFiscale", buyer.taxCode().toUpperCase(Locale.ROOT));
			}
		}
		xml.writeStartElement("Anagrafica");
		if (company) {
			text(xml, "Denominazione", latin(buyer.companyName(), 80));
		}
		else {
			text(xml, "Nome", latin(buyer.firstName(), 60));
			text(xml, "Cognome", latin(buyer.lastName(), 60));
		}
		xml.writeEndElement();
		xml.writeEndElement();
		address(xml, buyer.street(), buyer.foreign() ? FOREIGN_POSTAL_CODE : buyer.postalCode(), buyer.city(),
				buyer.foreign() ? null : buyer.province(), buyer.country());
		xml.writeEndElement();

		xml.writeEndElement();
	}

	private void body(XMLStreamWriter xml, InvoiceDocument document) throws XMLStreamException {
		VatBreakdown totals = document.totals();
		xml.writeStartElement("FatturaElettronicaBody");

		xml.writeStartElement("DatiGenerali");
		xml.writeStartElement("DatiGeneraliDocumento");
		text(xml, "TipoDocumento", document.kind().tipoDocumento());
		text(xml, "Divisa", "EUR");
		text(xml, "Data", document.issueDate().toString());
		text(xml, "Numero", document.number());
		if (document.stampDuty().isPositive()) {
			xml.writeStartElement("DatiBollo");
			text(xml, "BolloVirtuale", "SI");
			text(xml, "ImportoBollo", amount(document.stampDuty()));
			xml.writeEndElement();
		}
		text(xml, "ImportoTotaleDocumento", amount(document.totalAmount()));
		String causale = document.kind() == DocumentKind.CREDIT_NOTE
				? "Storno ordine " + document.orderNumber() + ": " + document.reason()
				: "Ordine " + document.orderNumber();
		text(xml, "Causale", latin(causale, 200));
		xml.writeEndElement();
		BillingDetails buyer = document.recipient();
		if (buyer.orderReference() != null) {
			xml.writeStartElement("DatiOrdineAcquisto");
			text(xml, "IdDocumento", latin(buyer.orderReference(), 20));
			if (buyer.orderDate() != null) {
				text(xml, "Data", buyer.orderDate().toString());
			}
			if (buyer.cup() != null) {
				text(xml, "CodiceCUP", buyer.cup());
			}
			if (buyer.cig() != null) {
				text(xml, "CodiceCIG", buyer.cig());
			}
			xml.writeEndElement();
		}
		if (document.kind() == DocumentKind.CREDIT_NOTE) {
			xml.writeStartElement("DatiFattureCollegate");
			text(xml, "IdDocumento", document.corrects().number());
			text(xml, "Data", document.corrects().issueDate().toString());
			xml.writeEndElement();
		}
		xml.writeEndElement();

		xml.writeStartElement("DatiBeniServizi");
		for (InvoiceLine line : document.lines()) {
			xml.writeStartElement("DettaglioLinee");
			text(xml, "NumeroLinea", Integer.toString(line.lineNo()));
			if (line.productCode() != null) {
				xml.writeStartElement("CodiceArticolo");
				text(xml, "CodiceTipo", "INTERNO");
				text(xml, "CodiceValore", latin(line.productCode(), 35));
				xml.writeEndElement();
			}
			text(xml, "Descrizione", latin(line.description(), 1000));
			text(xml, "Quantita", BigDecimal.valueOf(line.quantity()).setScale(2).toPlainString());
			text(xml, "PrezzoUnitario", amount(line.unitPrice()));
			text(xml, "PrezzoTotale", amount(line.lineNet()));
			text(xml, "AliquotaIVA", rate(line.vatRate()));
			if (line.vatRate().signum() == 0) {
				text(xml, "Natura", properties.zeroRateNature());
			}
			xml.writeEndElement();
		}
		for (VatBreakdown.RateTotal rate : totals.rates()) {
			xml.writeStartElement("DatiRiepilogo");
			text(xml, "AliquotaIVA", rate(rate.rate()));
			boolean zero = rate.rate().signum() == 0;
			if (zero) {
				text(xml, "Natura", properties.zeroRateNature());
			}
			text(xml, "ImponibileImporto", amount(rate.taxable()));
			text(xml, "Imposta", amount(rate.vat()));
			if (zero) {
				text(xml, "RiferimentoNormativo", latin(properties.zeroRateReference(), 100));
			}
			else {
				// S: split payment, the public administration pays the VAT to the State
				text(xml, "EsigibilitaIVA", document.recipient().splitPayment() ? "S" : "I");
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();

		xml.writeEndElement();
	}

	/**
	 * FPA12 for a public administration, FPR12 between private parties.
	 */
	static String format(InvoiceDocument document) {
		return document.recipient().publicAdministration() ? "FPA12" : "FPR12";
	}

	private void address(XMLStreamWriter xml, String street, String postalCode, String city, String province,
			String country) throws XMLStreamException {
		xml.writeStartElement("Sede");
		text(xml, "Indirizzo", latin(street, 60));
		text(xml, "CAP", postalCode.strip());
		text(xml, "Comune", latin(city, 60));
		if (province != null && province.strip().matches("[A-Z]{2}")) {
			text(xml, "Provincia", province.strip());
		}
		text(xml, "Nazione", country);
		xml.writeEndElement();
	}

	private void idFiscale(XMLStreamWriter xml, String element, String country, String code) throws XMLStreamException {
		xml.writeStartElement(element);
		text(xml, "IdPaese", country);
		text(xml, "IdCodice", code);
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	/**
	 * A foreign VAT number without its country prefix (DE123 → 123), or a placeholder
	 * when there is none.
	 */
	static String foreignId(String country, String id) {
		if (id == null || id.isBlank()) {
			return UNKNOWN_FOREIGN_ID;
		}
		String code = id.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
		if (code.startsWith(country) && code.length() > country.length()) {
			code = code.substring(country.length());
		}
		return code.isEmpty() ? UNKNOWN_FOREIGN_ID : code.substring(0, Math.min(code.length(), 28));
	}

	/**
	 * F26000123 for the first transmission of invoice 2026/000123, F260001232 for the
	 * second (at most 10 characters).
	 */
	static String progressive(InvoiceDocument document, int attempt) {
		return document.kind().letter() + "%02d%06d".formatted(document.year() % 100, document.seq())
				+ (attempt > 1 ? Integer.toString(Math.min(attempt, 35), 36).toUpperCase(Locale.ROOT) : "");
	}

	static String amount(Money money) {
		return money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static String rate(BigDecimal rate) {
		return rate.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Text the schema accepts (Latin-1 only, bounded length): accents outside Latin-1 are
	 * dropped (ł → l is not possible, so it becomes ?), whitespace is collapsed.
	 */
	static String latin(String value, int max) {
		String text = Normalizer.normalize(value == null ? "" : value.strip().replaceAll("\\s+", " "),
				Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c <= 0xFF) {
				out.append(c);
				continue;
			}
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			out.append(base.length() == 1 && base.charAt(0) <= 0xFF ? base : "?");
		}
		String result = out.length() == 0 ? "-" : out.toString();
		return result.length() > max ? result.substring(0, max) : result;
	}

}
