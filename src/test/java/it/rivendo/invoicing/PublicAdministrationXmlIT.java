package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.invoicing.InvoiceDocumentsIT.pdfText;
import static it.rivendo.invoicing.InvoiceXmlIT.parse;
import static it.rivendo.invoicing.InvoiceXmlIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

/**
 * Invoices to public administrations (FPA12: office code, split payment, CIG, CUP and
 * purchase order) and the stamp duty on amounts without VAT: in the XML, which still
 * validates against the official schema, and on the PDF.
 */
@IntegrationTest
class PublicAdministrationXmlIT {

	static final BillingDetails COMUNE = new BillingDetails(CustomerType.PUBLIC, "Comune di Milano", null, null, null,
			"01199250158", "Piazza della Scala 2", "20121", "Milano", "MI", "IT", "UFABCD", null, true, "Z1A2B3C4D5",
			"J51B12000170007", "OA-2026/17", LocalDate.of(2026, 11, 2));

	static final BillingDetails SCUOLA = new BillingDetails(CustomerType.PUBLIC, "Istituto Comprensivo Verdi", null,
			null, "00514490010", "80012000826", "Via Verdi 3", "10121", "Torino", "TO", "IT", "UFQWER", null, false,
			null, null, null, null);

	static final String GENERAL = "FatturaElettronicaBody/DatiGenerali/";

	static final String SUMMARY = "FatturaElettronicaBody/DatiBeniServizi/DatiRiepilogo";

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	CreditLedger credit;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "100.00");
		shop.product("MARCHE", "FIRMA", "0.00", SPID, "40.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "1000.00");
	}

	@Test
	void splitPaymentWithCigCupAndPurchaseOrder() throws Exception {
		DocumentSummary invoice = invoiceFor(COMUNE, "REMOTA", SPID, 1);
		Document xml = validXml(invoice);

		assertThat(xml.getDocumentElement().getAttribute("versione")).isEqualTo("FPA12");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/FormatoTrasmissione")).isEqualTo("FPA12");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("UFABCD");
		String buyer = "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/";
		assertThat(text(xml, buyer + "CodiceFiscale")).isEqualTo("01199250158");
		assertThat(text(xml, buyer + "IdFiscaleIVA")).isEmpty();
		assertThat(text(xml, buyer + "Anagrafica/Denominazione")).isEqualTo("Comune di Milano");
		assertThat(text(xml, SUMMARY + "/EsigibilitaIVA")).isEqualTo("S");
		assertThat(text(xml, GENERAL + "DatiOrdineAcquisto/IdDocumento")).isEqualTo("OA-2026/17");
		assertThat(text(xml, GENERAL + "DatiOrdineAcquisto/Data")).isEqualTo("2026-11-02");
		assertThat(text(xml, GENERAL + "DatiOrdineAcquisto/CodiceCIG")).isEqualTo("Z1A2B3C4D5");
		assertThat(text(xml, GENERAL + "DatiOrdineAcquisto/CodiceCUP")).isEqualTo("J51B12000170007");
		// the document's total still includes the VAT; what the body pays does not
		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/ImportoTotaleDocumento")).isEqualTo("122.00");
		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/DatiBollo")).isEmpty();

		String pdf = pdfText(invoices.pdf(invoice.id()).content());
		assertThat(pdf).contains("Scissione dei pagamenti")
			.containsPattern("Netto a pagare 100,00 €")
			.contains("Codice univoco ufficio: UFABCD")
			.contains("Ordine d'acquisto n. OA-2026/17 del 02/11/2026")
			.contains("CIG: Z1A2B3C4D5")
			.contains("CUP: J51B12000170007");
	}

	@Test
	void withoutSplitPaymentTheVatIsDueAsUsual() throws Exception {
		DocumentSummary invoice = invoiceFor(SCUOLA, "REMOTA", SPID, 1);
		Document xml = validXml(invoice);

		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/FormatoTrasmissione")).isEqualTo("FPA12");
		assertThat(text(xml, "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice"))
			.isEqualTo("00514490010");
		assertThat(text(xml, SUMMARY + "/EsigibilitaIVA")).isEqualTo("I");
		assertThat(text(xml, GENERAL + "DatiOrdineAcquisto")).isEmpty();
		assertThat(pdfText(invoices.pdf(invoice.id()).content())).doesNotContain("Scissione dei pagamenti")
			.doesNotContain("Netto a pagare");
	}

	@Test
	void stampDutyOnMoreThan7747WithoutVat() throws Exception {
		// 2 x 40.00 at 0% = 80.00 > 77.47
		DocumentSummary invoice = invoiceFor(COMUNE, "MARCHE", SPID, 2);
		Document xml = validXml(invoice);

		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/DatiBollo/BolloVirtuale")).isEqualTo("SI");
		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/DatiBollo/ImportoBollo")).isEqualTo("2.00");
		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/ImportoTotaleDocumento")).isEqualTo("80.00");
		assertThat(pdfText(invoices.pdf(invoice.id()).content()))
			.contains("Imposta di bollo di 2,00 € assolta in modo virtuale");
	}

	@Test
	void noStampDutyUpTo7747WithoutVat() throws Exception {
		DocumentSummary invoice = invoiceFor(Purchases.COMPANY, "MARCHE", SPID, 1);
		Document xml = validXml(invoice);

		assertThat(text(xml, GENERAL + "DatiGeneraliDocumento/DatiBollo")).isEmpty();
		assertThat(pdfText(invoices.pdf(invoice.id()).content())).doesNotContain("Imposta di bollo");
	}

	@Test
	void theTopUpReceiptCarriesTheStampDutyOnItsPdf() throws Exception {
		long entry = credit.credit(reseller, EntryKind.TOPUP, Money.of("250.00"), "BONIFICO-1", "Ricarica", "staff")
			.id();
		DocumentSummary receipt = invoices.receiptOf(reseller, entry).orElseThrow();

		assertThat(pdfText(invoices.pdf(receipt.id()).content()))
			.contains("Imposta di bollo di 2,00 € assolta in modo virtuale");
	}

	private DocumentSummary invoiceFor(BillingDetails billing, Object... productModeQuantity) {
		String order = shop.buy(reseller, billing, productModeQuantity);
		return invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
	}

	private Document validXml(DocumentSummary invoice) throws Exception {
		byte[] file = invoices.xml(invoice.id()).content();
		assertThat(FatturaPaSchema.errors(file)).isEmpty();
		return parse(file);
	}

}
