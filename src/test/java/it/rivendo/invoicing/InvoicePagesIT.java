package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who downloads what: resellers their own documents only, staff everything; staff pages
 * are staff-only.
 */
@WebIntegrationTest
class InvoicePagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	Invoices invoices;

	@Autowired
	JdbcClient jdbc;

	long buyerId;

	long otherId;

	ShopUser buyer;

	ShopUser other;

	String order;

	DocumentSummary invoice;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		buyerId = shop.reseller("buyer@test.it", "BASE", "100.00");
		otherId = shop.reseller("other@test.it", "BASE", "100.00");
		buyer = shop.userOf(buyerId, "buyer@test.it");
		other = shop.userOf(otherId, "other@test.it");
		order = shop.buy(buyerId, Purchases.COMPANY, "REMOTA", SPID, 1);
		invoice = invoices.ofOrder(buyerId, order, DocumentKind.INVOICE).orElseThrow();
	}

	@Test
	void withoutAChannelEveryInvoiceStaysToSendAndThePagesSaySo() throws Exception {
		assertThat(invoices.transmission()).isEqualTo(Invoices.Transmission.FILES);
		mvc.perform(get("/orders/" + order).with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"document-status\">Da inviare</span>")));
		mvc.perform(get("/admin/invoices").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Da inviare")))
			.andExpect(content().string(containsString("scarica i file XML e inviali tu")));
		mvc.perform(get("/admin/invoices").param("status", "TO_SEND").with(user(shop.staff())))
			.andExpect(content().string(containsString(invoice.number())));
		mvc.perform(get("/admin/invoices").param("status", "DELIVERED").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(invoice.number()))));
	}

	@Test
	void theResellerDownloadsItsInvoiceFromTheOrderPage() throws Exception {
		mvc.perform(get("/orders/" + order).with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fattura n. " + invoice.number())))
			.andExpect(content().string(containsString("href=\"/orders/" + order + "/invoice.pdf\"")));
		byte[] pdf = mvc.perform(get("/orders/" + order + "/invoice.pdf").with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(InvoiceDocumentsIT.pdfText(pdf)).contains("47,58 €");
		// no credit note yet
		mvc.perform(get("/orders/" + order + "/credit-note.pdf").with(user(buyer))).andExpect(status().isNotFound());
	}

	@Test
	void aResellerCannotDownloadAnotherResellersDocuments() throws Exception {
		mvc.perform(get("/orders/" + order + "/invoice.pdf").with(user(other))).andExpect(status().isNotFound());
		long buyersTopUp = jdbc.sql("select id from credit_entry where reseller_id = ? and kind = 'TOPUP'")
			.param(buyerId)
			.query(Long.class)
			.single();
		mvc.perform(get("/account/credit/receipts/" + buyersTopUp + ".pdf").with(user(other)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/orders/" + order).with(user(other)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(invoice.number()))));
	}

	@Test
	void theResellerDownloadsTheReceiptOfATopUpFromTheLedgerPage() throws Exception {
		long topUp = jdbc.sql("select id from credit_entry where reseller_id = ? and kind = 'TOPUP'")
			.param(buyerId)
			.query(Long.class)
			.single();
		mvc.perform(get("/account/credit").with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/account/credit/receipts/" + topUp + ".pdf")));
		byte[] pdf = mvc.perform(get("/account/credit/receipts/" + topUp + ".pdf").with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(InvoiceDocumentsIT.pdfText(pdf)).contains("Ricevuta di ricarica").contains("100,00 €");
	}

	@Test
	void staffPagesAreForbiddenToResellersAndAskAnonymousUsersToLogIn() throws Exception {
		for (String url : List.of("/admin/invoices", "/admin/invoices/" + invoice.id() + ".pdf",
				"/admin/invoices/" + invoice.id() + ".xml", "/admin/invoices/xml.zip", "/admin/orders/" + order)) {
			mvc.perform(get(url).with(user(buyer))).andExpect(status().isForbidden());
			mvc.perform(get(url)).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(post("/admin/orders/" + order + "/cancel").param("reason", "x").with(csrf()).with(user(buyer)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select status from purchase_order").query(String.class).single()).isEqualTo("PAID");
	}

	@Test
	void staffListDownloadAndZipTheDocuments() throws Exception {
		mvc.perform(get("/admin").with(user(shop.staff())))
			.andExpect(content().string(containsString("href=\"/admin/invoices\"")));
		mvc.perform(get("/admin/invoices").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(invoice.number())))
			.andExpect(content().string(containsString("/admin/invoices/" + invoice.id() + ".xml")))
			.andExpect(content().string(containsString("47,58\u00a0€")));
		mvc.perform(get("/admin/invoices/" + invoice.id() + ".xml").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/xml"));
		mvc.perform(get("/admin/invoices/" + invoice.id() + ".pdf").with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));

		String today = java.time.LocalDate.now(it.rivendo.shared.Formats.SHOP_ZONE).toString();
		byte[] zip = mvc
			.perform(get("/admin/invoices/xml.zip").param("from", today).param("to", today).with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				assertThat(FatturaPaSchema.errors(in.readAllBytes())).isEmpty();
			}
		}
		// the invoice only: receipts have no FatturaPA form
		assertThat(names).hasSize(1).allMatch(name -> name.matches("IT12345670017_[0-9A-Z]{5}\\.xml"));
	}

	@Test
	void staffCancelAnOrderFromItsPageWithAReason() throws Exception {
		mvc.perform(get("/admin/orders/" + order).with(user(shop.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fattura n. " + invoice.number())))
			.andExpect(content().string(containsString("name=\"reason\"")));

		mvc.perform(
				post("/admin/orders/" + order + "/cancel").param("reason", " ").with(csrf()).with(user(shop.staff())))
			.andExpect(redirectedUrl("/admin/orders/" + order))
			.andExpect(flash().attribute("error", "order.cancel.reasonRequired"));
		assertThat(jdbc.sql("select status from purchase_order").query(String.class).single()).isEqualTo("PAID");

		mvc.perform(post("/admin/orders/" + order + "/cancel").param("reason", "Richiesta del cliente")
			.with(csrf())
			.with(user(shop.staff())))
			.andExpect(redirectedUrl("/admin/orders/" + order))
			.andExpect(flash().attribute("success", "admin.order.cancelled"));

		mvc.perform(get("/admin/orders/" + order).with(user(shop.staff())))
			.andExpect(content().string(containsString("Annullato")))
			.andExpect(content().string(containsString("Nota di credito n. NC-")))
			.andExpect(content().string(not(containsString("name=\"reason\""))));
		mvc.perform(get("/orders/" + order + "/credit-note.pdf").with(user(buyer))).andExpect(status().isOk());
		mvc.perform(get("/orders/" + order).with(user(buyer)))
			.andExpect(content().string(containsString("/orders/" + order + "/credit-note.pdf")));
	}

}
