package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.invoicing.InvoiceXmlIT.parse;
import static it.rivendo.invoicing.InvoiceXmlIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.invoicing.internal.SdiSender;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;

/**
 * A rejected invoice: the reseller reads what was wrong on the order, corrects the
 * billing data with the checkout's rules, and the invoice goes again with the same number
 * and date in a new file, until five days after the rejection.
 */
@WebIntegrationTest
@Import(SdiTransmissionIT.Channel.class)
class SdiCorrectionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	SdiSender sender;

	@Autowired
	SdiTransmissionIT.FlakyChannel channel;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	ShopUser buyer;

	String order;

	DocumentSummary invoice;

	@BeforeEach
	void setUp() {
		channel.reset();
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long reseller = shop.reseller("buyer@test.it", "BASE", "1000.00");
		buyer = shop.userOf(reseller, "buyer@test.it");
		order = shop.buy(reseller, SdiTransmissionIT.withCode(Purchases.COMPANY, "NS00311"), "REMOTA", SPID, 1);
		invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
		sender.run();
		sender.run();
		assertThat(invoices.get(invoice.id()).sdiStatus()).isEqualTo(SdiStatus.REJECTED);
	}

	@Test
	void rejectedCorrectedAndSentAgainKeepsTheNumberAndDate() throws Exception {
		Document first = parse(invoices.xml(invoice.id()).content());
		mvc.perform(get("/orders/" + order).with(user(buyer)))
			.andExpect(content().string(containsString(">Scartata</span>")))
			.andExpect(content().string(containsString("è stata scartata dal Sistema di Interscambio")))
			.andExpect(content().string(containsString("href=\"/orders/" + order + "/billing\"")));
		mvc.perform(get("/orders/" + order + "/billing").with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Il codice destinatario del cliente non esiste")))
			.andExpect(content().string(containsString("value=\"NS00311\"")));

		mvc.perform(correction(Map.of("sdiCode", "ABC")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Codice destinatario non valido")))
			.andExpect(content().string(containsString("value=\"ABC\"")));
		assertThat(invoices.get(invoice.id()).sdiStatus()).isEqualTo(SdiStatus.REJECTED);

		mvc.perform(correction(Map.of("sdiCode", "m5uxcr1")))
			.andExpect(redirectedUrl("/orders/" + order))
			.andExpect(flash().attribute("success", "order.billing.corrected"));
		assertThat(invoices.get(invoice.id()).sdiStatus()).isEqualTo(SdiStatus.TO_SEND);
		assertThat(jdbc.sql("select sdi_code from purchase_order").query(String.class).single()).isEqualTo("M5UXCR1");

		sender.run();
		sender.run();

		DocumentSummary after = invoices.get(invoice.id());
		assertThat(after.sdiStatus()).isEqualTo(SdiStatus.DELIVERED);
		assertThat(after.number()).isEqualTo(invoice.number());
		assertThat(after.issueDate()).isEqualTo(invoice.issueDate());
		List<String> files = jdbc.sql("select file_name from sdi_transmission order by attempt")
			.query(String.class)
			.list();
		assertThat(files).hasSize(2).doesNotHaveDuplicates();
		Document second = parse(invoices.xml(invoice.id()).content());
		String general = "FatturaElettronicaBody/DatiGenerali/DatiGeneraliDocumento/";
		assertThat(text(second, general + "Numero")).isEqualTo(text(first, general + "Numero"));
		assertThat(text(second, general + "Data")).isEqualTo(text(first, general + "Data"));
		assertThat(text(second, "FatturaElettronicaHeader/DatiTrasmissione/CodiceDestinatario")).isEqualTo("M5UXCR1");
		assertThat(invoices.sdiHistory(invoice.id())).extracting(SdiHistory::status)
			.containsExactly(SdiStatus.SENT, SdiStatus.REJECTED, SdiStatus.TO_SEND, SdiStatus.SENT,
					SdiStatus.DELIVERED);
		mvc.perform(get("/orders/" + order).with(user(buyer)))
			.andExpect(content().string(containsString(">Consegnata</span>")));
	}

	@Test
	void afterFiveDaysTheSameNumberCannotBeSentAgain() throws Exception {
		clock.advance(Duration.ofDays(5).plusMinutes(1));

		mvc.perform(get("/orders/" + order + "/billing").with(user(buyer)))
			.andExpect(redirectedUrl("/orders/" + order))
			.andExpect(flash().attribute("error", "order.billing.nothingToCorrect"));
		mvc.perform(correction(Map.of("sdiCode", "M5UXCR1")))
			.andExpect(redirectedUrl("/orders/" + order))
			.andExpect(flash().attribute("error", "invoicing.sdi.correct.late"));
		assertThat(invoices.get(invoice.id()).sdiStatus()).isEqualTo(SdiStatus.REJECTED);
		assertThat(jdbc.sql("select sdi_code from purchase_order").query(String.class).single()).isEqualTo("NS00311");
	}

	@Test
	void anInvoiceThatWasNotRejectedHasNothingToCorrect() throws Exception {
		String other = shop.buy(buyer.resellerId(), Purchases.COMPANY, "REMOTA", SPID, 1);

		mvc.perform(post("/orders/" + other + "/billing").with(user(buyer)).with(csrf()).params(form(Map.of())))
			.andExpect(redirectedUrl("/orders/" + other))
			.andExpect(flash().attribute("error", "invoicing.sdi.correct.notRejected"));
	}

	private MockHttpServletRequestBuilder correction(Map<String, String> changes) {
		return post("/orders/" + order + "/billing").with(user(buyer)).with(csrf()).params(form(changes));
	}

	private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("customerType", "COMPANY");
		fields.put("companyName", "Cliente Uno S.r.l.");
		fields.put("vatNumber", "00743110157");
		fields.put("taxCode", "00743110157");
		fields.put("street", "Via Dante 5");
		fields.put("postalCode", "20121");
		fields.put("city", "Milano");
		fields.put("province", "MI");
		fields.put("country", "IT");
		fields.put("sdiCode", "NS00311");
		fields.putAll(changes);
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

}
