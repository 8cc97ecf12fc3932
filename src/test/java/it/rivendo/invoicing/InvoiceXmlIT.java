package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

/**
 * Every FatturaPA file the shop writes validates against the official 1.2.2 schema,
 * whoever the recipient.
 */
@IntegrationTest
class InvoiceXmlIT {

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	OrderCancellation cancellation;

	long reseller;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		shop.product("MARCHE", "FIRMA", "0.00", SPID, "10.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "1000.00");
	}

	@Test
	void companyRecipient() throws Exception {
		Document xml = validInvoiceFor(Purchases.COMPANY);
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/FormatoTrasmissione")).isEqualTo("FPR12");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("M5UXCR1");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/PECDestinatario")).isEmpty();
		assertThat(text(xml, "FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA/IdCodice"))
			.isEqualTo("12345670017");
		assertThat(text(xml, "FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/RegimeFiscale"))
			.isEqualTo("RF01");
		String buyer = "FatturaElettronicaHeader/CessionarioCommittente/";
		assertThat(text(xml, buyer + "DatiAnagrafici/IdFiscaleIVA/IdPaese")).isEqualTo("IT");
		assertThat(text(xml, buyer + "DatiAnagrafici/IdFiscaleIVA/IdCodice")).isEqualTo("00743110157");
		assertThat(text(xml, buyer + "DatiAnagrafici/Anagrafica/Denominazione")).isEqualTo("Cliente Uno S.r.l.");
		assertThat(text(xml, buyer + "Sede/Provincia")).isEqualTo("MI");
		assertThat(text(xml, "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/TipoDocumento"))
			.isEqualTo("TD01");
	}

	@Test
	void privatePersonRecipient() throws Exception {
		Document xml = validInvoiceFor(Purchases.PERSON);
		String buyer = "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/";
		assertThat(text(xml, buyer + "CodiceFiscale")).isEqualTo("RSSMRA85T10A562S");
		assertThat(text(xml, buyer + "IdFiscaleIVA")).isEmpty();
		assertThat(text(xml, buyer + "Anagrafica/Nome")).isEqualTo("Mario");
		assertThat(text(xml, buyer + "Anagrafica/Cognome")).isEqualTo("Rossi");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("0000000");
	}

	@Test
	void pecOnlyRecipient() throws Exception {
		Document xml = validInvoiceFor(Purchases.PEC_ONLY);
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("0000000");
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/PECDestinatario"))
			.isEqualTo("studio.bianchi@pec.it");
	}

	@Test
	void foreignRecipient() throws Exception {
		Document xml = validInvoiceFor(Purchases.FOREIGN);
		String buyer = "FatturaElettronicaHeader/CessionarioCommittente/";
		assertThat(text(xml, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("XXXXXXX");
		assertThat(text(xml, buyer + "DatiAnagrafici/IdFiscaleIVA/IdPaese")).isEqualTo("DE");
		assertThat(text(xml, buyer + "DatiAnagrafici/IdFiscaleIVA/IdCodice")).isEqualTo("123456789");
		assertThat(text(xml, buyer + "DatiAnagrafici/Anagrafica/Denominazione")).isEqualTo("Müller Digital GmbH");
		assertThat(text(xml, buyer + "Sede/CAP")).isEqualTo("00000");
		assertThat(text(xml, buyer + "Sede/Provincia")).isEmpty();
		assertThat(text(xml, buyer + "Sede/Nazione")).isEqualTo("DE");
	}

	@Test
	void foreignPrivatePersonWithoutFiscalCode() throws Exception {
		Document xml = validInvoiceFor(new BillingDetails(it.rivendo.ordering.CustomerType.PERSON, null, "Anna",
				"Kowalská", null, null, "Rue de la Paix 1", "75002", "Paris", "EE", "FR", "XXXXXXX", null));
		String buyer = "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/";
		assertThat(text(xml, buyer + "IdFiscaleIVA/IdPaese")).isEqualTo("FR");
		assertThat(text(xml, buyer + "Anagrafica/Cognome")).isEqualTo("Kowalská");
	}

	@Test
	void creditNoteRefersToItsInvoice() throws Exception {
		String order = shop.buy(reseller, Purchases.COMPANY, "REMOTA", SPID, 2, "MARCHE", SPID, 1);
		DocumentSummary invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
		cancellation.cancel(order, "Acquisto doppio", "staff@test.it");

		DocumentSummary note = invoices.ofOrder(reseller, order, DocumentKind.CREDIT_NOTE).orElseThrow();
		byte[] bytes = invoices.xml(note.id()).content();

		assertThat(FatturaPaSchema.errors(bytes)).isEmpty();
		Document xml = parse(bytes);
		String general = "FatturaElettronicaBody/DatiGenerali/";
		assertThat(text(xml, general + "DatiGeneraliDocumento/TipoDocumento")).isEqualTo("TD04");
		assertThat(text(xml, general + "DatiGeneraliDocumento/Numero")).isEqualTo(note.number()).startsWith("NC-");
		assertThat(text(xml, general + "DatiGeneraliDocumento/ImportoTotaleDocumento")).isEqualTo("105.16");
		assertThat(text(xml, general + "DatiFattureCollegate/IdDocumento")).isEqualTo(invoice.number());
		assertThat(text(xml, general + "DatiFattureCollegate/Data")).isEqualTo(invoice.issueDate().toString());
	}

	private Document validInvoiceFor(BillingDetails billing) throws Exception {
		String order = shop.buy(reseller, billing, "REMOTA", SPID, 2, "MARCHE", SPID, 1);
		DocumentSummary invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
		DocumentFile file = invoices.xml(invoice.id());
		assertThat(file.filename()).matches("IT12345670017_[0-9A-Z]{5}\\.xml");
		assertThat(FatturaPaSchema.errors(file.content())).isEmpty();
		Document xml = parse(file.content());
		// 78.00 at 22% (17.16) + 10.00 at 0% = 105.16
		assertThat(text(xml, "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/Numero"))
			.isEqualTo(invoice.number());
		assertThat(text(xml, "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/ImportoTotaleDocumento"))
			.isEqualTo("105.16");
		assertThat(text(xml, "FatturaElettronicaBody/DatiBeniServizi/DatiRiepilogo[AliquotaIVA='0.00']/Natura"))
			.isEqualTo("N2.2");
		return xml;
	}

	static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	static String text(Document xml, String path) throws Exception {
		XPath xpath = XPathFactory.newInstance().newXPath();
		return xpath.evaluate("/*/" + path, xml);
	}

}
