package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.SdiChannel;
import it.rivendo.invoicing.SdiReceipt;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.w3c.dom.Document;

/**
 * A stand-in for the SdI, in the {@code demo} profile only (the pages say it is a
 * simulation). It answers like the SdI, one job run later, with receipts written like the
 * SdI's, and always the same way for the same file:
 * <ul>
 * <li>a file name it has already received: rejected, {@code NS} 00002 (duplicate file
 * name);</li>
 * <li>a document (type, number, date) it has already received and not rejected:
 * {@code NS} 00404 (duplicate invoice);</li>
 * <li>recipient code {@code NS} and 5 digits, e.g. {@code NS00305}, {@code NS00311},
 * {@code NS00400}: rejected with that error code;</li>
 * <li>recipient Partita IVA {@value #UNKNOWN_VAT_NUMBER} (well formed, but "not in the
 * Anagrafe Tributaria"): {@code NS} 00305;</li>
 * <li>recipient code {@code MC00000}: not delivered, {@code MC} (in the recipient's
 * cassetto fiscale);</li>
 * <li>a public administration (FPA12): delivered ({@code RC}), then one run later the
 * office's answer: accepted ({@code NE} EC01), refused ({@code NE} EC02) when the office
 * code starts with {@code EC02}, or no answer in time ({@code DT}) when it starts with
 * {@code DT};</li>
 * <li>anything else: delivered, {@code RC}.</li>
 * </ul>
 * Receipts stay until acknowledged. It keeps everything in memory: one instance, and a
 * restart forgets what was pending.
 */
public class DemoSdiChannel implements SdiChannel {

	static final String UNKNOWN_VAT_NUMBER = "00000010017";

	private static final String MESSAGES = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fattura/messaggi/v1.0";

	private final Clock clock;

	private final Set<String> fileNames = new HashSet<>();

	private final Set<String> documents = new HashSet<>();

	/** Receipts by id, with the run from which they are answered. */
	private final Map<String, Pending> pending = new LinkedHashMap<>();

	private long run;

	private long sdiIds;

	private record Pending(SdiReceipt receipt, long fromRun) {
	}

	public DemoSdiChannel(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean simulated() {
		return true;
	}

	@Override
	public synchronized String send(String fileName, byte[] file) {
		String sdiId = Long.toString(++sdiIds + 100_000_000L);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Invoice invoice = Invoice.read(file);
		String documentKey = invoice.type() + " " + invoice.number() + " " + invoice.date();
		boolean newName = fileNames.add(fileName);
		if (!newName) {
			reject(fileName, sdiId, now, "00002", "Nome file duplicato");
			return sdiId;
		}
		if (documents.contains(documentKey)) {
			reject(fileName, sdiId, now, "00404", "Fattura duplicata");
			return sdiId;
		}
		if (invoice.recipientCode().matches("NS\\d{5}")) {
			reject(fileName, sdiId, now, invoice.recipientCode().substring(2), "Errore simulato");
			return sdiId;
		}
		if (UNKNOWN_VAT_NUMBER.equals(invoice.recipientVatNumber())) {
			reject(fileName, sdiId, now, "00305", "1.4.1.1.2 <IdCodice> non valido : " + UNKNOWN_VAT_NUMBER
					+ " (non presente in Anagrafe Tributaria)");
			return sdiId;
		}
		documents.add(documentKey);
		if ("MC00000".equals(invoice.recipientCode())) {
			answer(fileName, sdiId, SdiReceipt.Type.MC, null, List.of(), now, 0, xml -> {
				text(xml, "Descrizione", "Consegna non riuscita: il file e' a disposizione nell'area riservata");
			});
			return sdiId;
		}
		answer(fileName, sdiId, SdiReceipt.Type.RC, null, List.of(), now, 0, xml -> {
			text(xml, "DataOraConsegna", now.toString());
			xml.writeStartElement("Destinatario");
			text(xml, "Codice", invoice.recipientCode());
			text(xml, "Descrizione", "Destinatario simulato");
			xml.writeEndElement();
		});
		if ("FPA12".equals(invoice.format())) {
			if (invoice.recipientCode().startsWith("DT")) {
				answer(fileName, sdiId, SdiReceipt.Type.DT, null, List.of(), now, 1, xml -> {
					text(xml, "Descrizione", "Decorrenza termini: nessun esito del committente entro 15 giorni");
				});
			}
			else {
				String outcome = invoice.recipientCode().startsWith("EC02") ? SdiReceipt.REFUSED : SdiReceipt.ACCEPTED;
				answer(fileName, sdiId, SdiReceipt.Type.NE, outcome, List.of(), now, 1, xml -> {
					xml.writeStartElement("EsitoCommittente");
					text(xml, "IdentificativoSdI", sdiId);
					text(xml, "Esito", outcome);
					if (SdiReceipt.REFUSED.equals(outcome)) {
						text(xml, "Descrizione", "Fattura rifiutata dall'ufficio (simulazione)");
					}
					xml.writeEndElement();
				});
			}
		}
		return sdiId;
	}

	@Override
	public synchronized List<SdiReceipt> receipts() {
		List<SdiReceipt> due = new ArrayList<>();
		for (Pending receipt : pending.values()) {
			if (receipt.fromRun() <= run) {
				due.add(receipt.receipt());
			}
		}
		run++;
		return due;
	}

	@Override
	public synchronized void acknowledge(String receiptId) {
		pending.remove(receiptId);
	}

	private void reject(String fileName, String sdiId, Instant now, String code, String description) {
		answer(fileName, sdiId, SdiReceipt.Type.NS, null, List.of(code), now, 0, xml -> {
			xml.writeStartElement("ListaErrori");
			xml.writeStartElement("Errore");
			text(xml, "Codice", code);
			text(xml, "Descrizione", description);
			xml.writeEndElement();
			xml.writeEndElement();
		});
	}

	/**
	 * A receipt answered on the next run of the job (plus {@code later} runs).
	 */
	private void answer(String fileName, String sdiId, SdiReceipt.Type type, String outcome, List<String> errors,
			Instant now, int later, Body body) {
		String id = fileName.replace(".xml", "") + "_" + type + "_001.xml";
		String root = switch (type) {
			case RC -> "RicevutaConsegna";
			case NS -> "NotificaScarto";
			case MC -> "NotificaMancataConsegna";
			case NE -> "NotificaEsito";
			case DT -> "NotificaDecorrenzaTermini";
		};
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setPrefix("ns3", MESSAGES);
			xml.writeStartElement("ns3", root, MESSAGES);
			xml.writeNamespace("ns3", MESSAGES);
			xml.writeAttribute("versione", "1.0");
			text(xml, "IdentificativoSdI", sdiId);
			text(xml, "NomeFile", fileName);
			text(xml, "DataOraRicezione", now.toString());
			body.write(xml);
			text(xml, "MessageId", Long.toString(pending.size() + 1000L * sdiIds));
			text(xml, "Note", "Simulazione: nessun invio reale al Sistema di Interscambio");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		pending.put(id, new Pending(new SdiReceipt(id, fileName, sdiId, type, outcome, errors, out.toString(), now),
				run + later));
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	@FunctionalInterface
	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	/** What the simulation reads of a FatturaPA file. */
	record Invoice(String format, String recipientCode, String recipientVatNumber, String type, String number,
			String date) {

		static Invoice read(byte[] bytes) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
				XPath xpath = XPathFactory.newInstance().newXPath();
				String header = "/*/FatturaElettronicaHeader/";
				String general = "/*/FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/";
				return new Invoice(xpath.evaluate(header + "DatiTrasmissione/FormatoTrasmissione", document),
						xpath.evaluate(header + "DatiTrasmissione/CodiceDestinatario", document),
						xpath.evaluate(header + "CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice",
								document),
						xpath.evaluate(general + "TipoDocumento", document),
						xpath.evaluate(general + "Numero", document), xpath.evaluate(general + "Data", document));
			}
			catch (Exception ex) {
				throw new IllegalArgumentException("Not a FatturaPA file", ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Profile("demo")
	static class Registration {

		@Bean
		@ConditionalOnMissingBean(SdiChannel.class)
		SdiChannel demoSdiChannel(Clock clock) {
			return new DemoSdiChannel(clock);
		}

	}

}
