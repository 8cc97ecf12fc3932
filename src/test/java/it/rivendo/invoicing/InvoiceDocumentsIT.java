package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * The database, the PDF and the FatturaPA file state the same amounts, rounded the
 * Italian way.
 */
@IntegrationTest
class InvoiceDocumentsIT {

	@org.junit.jupiter.api.extension.RegisterExtension
	static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
			com.icegreen.greenmail.util.ServerSetupTest.SMTP);

	@org.springframework.beans.factory.annotation.Autowired
	it.rivendo.mail.internal.OutboxSender sender;

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	CreditLedger credit;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "10.02");
		shop.product("PEC", "FIRMA", SPID, "10.02");
		shop.product("MARCHE", "FIRMA", "0.00", SPID, "10.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "500.00");
	}

	@Test
	void totalsAgreeInDatabasePdfAndXml() throws Exception {
		String order = shop.buy(reseller, Purchases.COMPANY, "REMOTA", SPID, 1, "PEC", SPID, 1, "MARCHE", SPID, 1);
		DocumentSummary invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();

		// VAT once per rate: 20.04 x 22% = 4.4088 -> 4.41 (line by line it would be 2.20
		// + 2.20 = 4.40)
		Map<String, Object> row = jdbc
			.sql("select taxable_amount, vat_amount, total_amount from invoice_document where id = ?")
			.param(invoice.id())
			.query()
			.singleRow();
		assertThat((BigDecimal) row.get("taxable_amount")).isEqualByComparingTo("30.04");
		assertThat((BigDecimal) row.get("vat_amount")).isEqualByComparingTo("4.41");
		assertThat((BigDecimal) row.get("total_amount")).isEqualByComparingTo("34.45");
		assertThat(jdbc.sql("select total_amount from purchase_order where number = ?")
			.param(order)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("34.45");
		assertThat(invoice.total()).isEqualTo(Money.of("34.45"));

		String pdf = pdfText(invoices.pdf(invoice.id()).content());
		assertThat(pdf).contains("Fattura n. " + invoice.number())
			.contains("Cliente Uno S.r.l.")
			.contains("20,04 €")
			.contains("4,41 €")
			.contains("30,04 €")
			.contains("Totale documento 34,45 €")
			.contains("0,00 €");

		Document xml = InvoiceXmlIT.parse(invoices.xml(invoice.id()).content());
		String body = "FatturaElettronicaBody/";
		assertThat(InvoiceXmlIT.text(xml, body + "DatiGenerali/DatiGeneraliDocumento/ImportoTotaleDocumento"))
			.isEqualTo("34.45");
		String rate22 = body + "DatiBeniServizi/DatiRiepilogo[AliquotaIVA='22.00']/";
		assertThat(InvoiceXmlIT.text(xml, rate22 + "ImponibileImporto")).isEqualTo("20.04");
		assertThat(InvoiceXmlIT.text(xml, rate22 + "Imposta")).isEqualTo("4.41");
		String rate0 = body + "DatiBeniServizi/DatiRiepilogo[AliquotaIVA='0.00']/";
		assertThat(InvoiceXmlIT.text(xml, rate0 + "ImponibileImporto")).isEqualTo("10.00");
		assertThat(InvoiceXmlIT.text(xml, rate0 + "Imposta")).isEqualTo("0.00");
		assertThat(InvoiceXmlIT.text(xml, body + "DatiBeniServizi/DettaglioLinee[3]/NumeroLinea")).isEqualTo("3");
	}

	@Test
	void thePurchaseEmailCarriesTheInvoicePdf() throws Exception {
		String order = shop.buy(reseller, Purchases.PERSON, "REMOTA", SPID, 1);
		DocumentSummary invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();

		// nothing is rendered in the payment transaction: the PDF is made when the e-mail
		// is sent
		assertThat(jdbc.sql("select count(*) from mail_attachment").query(Long.class).single()).isZero();
		assertThat(sender.sendDue()).isEqualTo(1);

		jakarta.mail.internet.MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).contains(order);
		jakarta.mail.BodyPart pdfPart = pdfPart((jakarta.mail.Multipart) mail.getContent());
		assertThat(pdfPart.getFileName()).isEqualTo(invoice.number().replace('/', '_') + ".pdf");
		assertThat(pdfPart.getContentType()).startsWith("application/pdf");
		String text = pdfText(pdfPart.getInputStream().readAllBytes());
		assertThat(text).contains("Fattura n. " + invoice.number()).contains("Mario Rossi").contains("12,22 €");
	}

	private static jakarta.mail.BodyPart pdfPart(jakarta.mail.Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			jakarta.mail.BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType("application/pdf")) {
				return part;
			}
			if (part.getContent() instanceof jakarta.mail.Multipart nested) {
				jakarta.mail.BodyPart found = pdfPart(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	@Test
	void aTopUpGetsANumberedReceipt() throws Exception {
		var entry = credit.credit(reseller, EntryKind.TOPUP, Money.of("250.00"), "BONIFICO-1", "Ricarica", "staff");

		DocumentSummary receipt = invoices.receiptOf(reseller, entry.id()).orElseThrow();

		// the opening credit got receipt 1, this one 2
		assertThat(receipt.number()).matches("RC-\\d{4}/000002");
		assertThat(receipt.total()).isEqualTo(Money.of("250.00"));
		assertThat(pdfText(invoices.pdf(receipt.id()).content()))
			.contains("Ricevuta di ricarica n. " + receipt.number())
			.contains("Azienda buyer@test.it")
			.contains("250,00 €")
			.contains("non è una fattura");
		// refunds and adjustments are not top-ups: no receipt
		var refund = credit.credit(reseller, EntryKind.ADJUSTMENT, Money.of("1.00"), "X", "Rettifica", "staff");
		assertThat(invoices.receiptOf(reseller, refund.id())).isEmpty();
	}

	static String pdfText(byte[] pdf) throws Exception {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
		}
	}

}
