package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.invoicing.internal.DemoSdiChannel;
import it.rivendo.invoicing.internal.SdiSender;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invoices go to the SdI through a channel (here the demo one, as the {@code demo}
 * profile has it, behind a switch that makes it fail): each status path, the receipts
 * kept as received, the e-mail of a rejection, the back-off, and never two transmissions
 * of one document.
 */
@IntegrationTest
@Import(SdiTransmissionIT.Channel.class)
class SdiTransmissionIT {

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	SdiSender sender;

	@Autowired
	FlakyChannel channel;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	@BeforeEach
	void setUp() {
		channel.reset();
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "1000.00");
	}

	@Test
	void aValidInvoiceIsSentThenDelivered() {
		DocumentSummary invoice = invoiceFor(Purchases.COMPANY);
		assertThat(invoice.sdiStatus()).isEqualTo(SdiStatus.TO_SEND);
		assertThat(invoices.transmission()).isEqualTo(Invoices.Transmission.SIMULATION);

		assertThat(sender.run()).isEqualTo(new SdiSender.Run(0, 1));
		assertThat(status(invoice)).isEqualTo(SdiStatus.SENT);
		// the SdI answers later: the next run
		assertThat(sender.run()).isEqualTo(new SdiSender.Run(1, 0));
		assertThat(status(invoice)).isEqualTo(SdiStatus.DELIVERED);
		assertThat(sender.run()).isEqualTo(new SdiSender.Run(0, 0));

		List<SdiHistory> history = invoices.sdiHistory(invoice.id());
		assertThat(history).extracting(SdiHistory::status).containsExactly(SdiStatus.SENT, SdiStatus.DELIVERED);
		assertThat(history.get(0).detail()).matches("IT12345670017_[0-9A-Z]{5}\\.xml");
		assertThat(history.get(1).receiptType()).isEqualTo(SdiReceipt.Type.RC);
		String receipt = new String(invoices.sdiReceipt(history.get(1).id()).content());
		assertThat(receipt).contains("RicevutaConsegna", "<IdentificativoSdI>", history.get(0).detail());
		assertThat(jdbc.sql("select count(*) from sdi_transmission").query(Integer.class).single()).isOne();
	}

	@Test
	void aRecipientCodeTheSdiDoesNotKnowIsRejectedAndTheResellerIsToldInWords() {
		DocumentSummary invoice = invoiceFor(withCode(Purchases.COMPANY, "NS00311"));
		sender.run();
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.REJECTED);
		SdiHistory rejection = invoices.sdiHistory(invoice.id()).get(1);
		assertThat(rejection.receiptType()).isEqualTo(SdiReceipt.Type.NS);
		assertThat(rejection.errorCodes()).isEqualTo("00311");
		assertThat(new String(invoices.sdiReceipt(rejection.id()).content())).contains("NotificaScarto",
				"<Codice>00311</Codice>");
		Map<String, Object> mail = jdbc
			.sql("select recipient, subject, body_text from mail_outbox where kind = 'SDI_REJECTED'")
			.query()
			.singleRow();
		assertThat(mail.get("recipient")).isEqualTo("buyer@test.it");
		assertThat((String) mail.get("subject")).contains(invoice.number(), "scartata");
		assertThat((String) mail.get("body_text")).contains("Il codice destinatario del cliente non esiste")
			.doesNotContain("00311")
			.contains("/orders/" + invoice.orderNumber() + "/billing");
		// a run that sees nothing new writes nothing twice
		sender.run();
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where kind = 'SDI_REJECTED'").query(Integer.class).single())
			.isOne();
	}

	@Test
	void aVatNumberNotInTheTaxRegisterIsRejectedWith00305() {
		DocumentSummary invoice = invoiceFor(new BillingDetails(CustomerType.COMPANY, "Fantasma S.r.l.", null, null,
				"00000010017", null, "Via Dante 5", "20121", "Milano", "MI", "IT", "M5UXCR1", null));
		sender.run();
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.REJECTED);
		assertThat(invoices.sdiHistory(invoice.id()).get(1).errorCodes()).isEqualTo("00305");
		assertThat(
				jdbc.sql("select body_text from mail_outbox where kind = 'SDI_REJECTED'").query(String.class).single())
			.contains("La partita IVA del cliente non risulta all'Anagrafe Tributaria");
	}

	@Test
	void anUnreachableRecipientIsNotDeliveredButTheInvoiceIsIssued() {
		DocumentSummary invoice = invoiceFor(withCode(Purchases.COMPANY, "MC00000"));
		sender.run();
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.NOT_DELIVERED);
		assertThat(invoices.sdiHistory(invoice.id()).get(1).receiptType()).isEqualTo(SdiReceipt.Type.MC);
	}

	@Test
	void aPublicAdministrationFirstGetsItThenAcceptsIt() {
		DocumentSummary invoice = invoiceFor(PublicAdministrationXmlIT.COMUNE);
		sender.run();
		sender.run();
		assertThat(status(invoice)).isEqualTo(SdiStatus.DELIVERED);
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.ACCEPTED);
		List<SdiHistory> history = invoices.sdiHistory(invoice.id());
		assertThat(history).extracting(SdiHistory::status)
			.containsExactly(SdiStatus.SENT, SdiStatus.DELIVERED, SdiStatus.ACCEPTED);
		assertThat(history.get(2).receiptType()).isEqualTo(SdiReceipt.Type.NE);
		assertThat(history.get(2).detail()).isEqualTo("EC01");
		assertThat(new String(invoices.sdiReceipt(history.get(2).id()).content())).contains("NotificaEsito",
				"<Esito>EC01</Esito>");
	}

	@Test
	void aPublicAdministrationMayRefuseIt() {
		DocumentSummary invoice = invoiceFor(withCode(PublicAdministrationXmlIT.COMUNE, "EC02AA"));
		sender.run();
		sender.run();
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.REFUSED);
		assertThat(invoices.sdiHistory(invoice.id()).get(2).detail()).isEqualTo("EC02");
	}

	@Test
	void aPublicAdministrationThatDoesNotAnswerLetsTheDeadlinePass() {
		DocumentSummary invoice = invoiceFor(withCode(PublicAdministrationXmlIT.COMUNE, "DT0000"));
		sender.run();
		sender.run();
		sender.run();

		assertThat(status(invoice)).isEqualTo(SdiStatus.DEADLINE_PASSED);
		assertThat(invoices.sdiHistory(invoice.id()).get(2).receiptType()).isEqualTo(SdiReceipt.Type.DT);
	}

	@Test
	void theSameFileNameTwiceIsADuplicateAndTheSameInvoiceTwiceToo() {
		DemoSdiChannel sdi = new DemoSdiChannel(Clock.systemUTC());
		DocumentSummary invoice = invoiceFor(Purchases.COMPANY);
		byte[] file = invoices.xml(invoice.id()).content();

		sdi.send("IT12345670017_00001.xml", file);
		sdi.send("IT12345670017_00001.xml", file);
		sdi.send("IT12345670017_00002.xml", file);
		sdi.receipts();

		assertThat(sdi.receipts()).extracting(SdiReceipt::fileName, SdiReceipt::type, SdiReceipt::errorCodes)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("IT12345670017_00001.xml", SdiReceipt.Type.RC, List.of()),
					org.assertj.core.groups.Tuple.tuple("IT12345670017_00001.xml", SdiReceipt.Type.NS,
							List.of("00002")),
					org.assertj.core.groups.Tuple.tuple("IT12345670017_00002.xml", SdiReceipt.Type.NS,
							List.of("00404")));
	}

	@Test
	void aChannelThatDoesNotAnswerIsTriedAgainLater() {
		DocumentSummary invoice = invoiceFor(Purchases.COMPANY);
		channel.failing = true;
		assertThat(sender.run().sent()).isZero();
		assertThat(status(invoice)).isEqualTo(SdiStatus.TO_SEND);

		channel.failing = false;
		// not yet: the next try is a minute later
		assertThat(sender.run().sent()).isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(sender.run().sent()).isOne();
		assertThat(status(invoice)).isEqualTo(SdiStatus.SENT);
		assertThat(jdbc.sql("select attempt from sdi_transmission").query(Integer.class).single()).isOne();
	}

	@Test
	void twoSendersAtOnceTransmitOnce() throws Exception {
		for (int i = 0; i < 5; i++) {
			invoiceFor(Purchases.COMPANY);
		}

		List<Integer> sent = Race.run(4, i -> sender.run().sent());

		assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
		assertThat(channel.handedOver).hasValue(5);
		assertThat(jdbc.sql("select count(*) from sdi_transmission").query(Integer.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(distinct document_id) from sdi_transmission").query(Integer.class).single())
			.isEqualTo(5);
	}

	private DocumentSummary invoiceFor(BillingDetails billing) {
		String order = shop.buy(reseller, billing, "REMOTA", SPID, 1);
		return invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
	}

	private SdiStatus status(DocumentSummary document) {
		return invoices.get(document.id()).sdiStatus();
	}

	static BillingDetails withCode(BillingDetails billing, String code) {
		return new BillingDetails(billing.customerType(), billing.companyName(), billing.firstName(),
				billing.lastName(), billing.vatNumber(), billing.taxCode(), billing.street(), billing.postalCode(),
				billing.city(), billing.province(), billing.country(), code, billing.pec(), billing.splitPayment(),
				billing.cig(), billing.cup(), billing.orderReference(), billing.orderDate());
	}

	/**
	 * The demo channel, new for each test (it remembers what it received), failing while
	 * {@link #failing} is set.
	 */
	static class FlakyChannel implements SdiChannel {

		private final Clock clock;

		volatile DemoSdiChannel sdi;

		volatile boolean failing;

		final AtomicInteger handedOver = new AtomicInteger();

		FlakyChannel(Clock clock) {
			this.clock = clock;
			reset();
		}

		void reset() {
			sdi = new DemoSdiChannel(clock);
			failing = false;
			handedOver.set(0);
		}

		@Override
		public String send(String fileName, byte[] file) {
			if (failing) {
				throw new SdiChannelException("intermediary not answering");
			}
			handedOver.incrementAndGet();
			return sdi.send(fileName, file);
		}

		@Override
		public List<SdiReceipt> receipts() {
			return sdi.receipts();
		}

		@Override
		public void acknowledge(String receiptId) {
			sdi.acknowledge(receiptId);
		}

		@Override
		public boolean simulated() {
			return true;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Channel {

		@Bean
		FlakyChannel sdiChannel(Clock clock) {
			return new FlakyChannel(clock);
		}

	}

}
