package it.rivendo.admin;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff pages (issue 21): a staff menu of their own on every staff page, with the current
 * page marked; words instead of codes (SENT, CREDIT_PURCHASE, reseller-2); the
 * dashboard's sales chart has an amount axis and a day axis, and no table inside its
 * figure.
 */
@WebIntegrationTest
class StaffPagesWordsIT {

	private static final List<String> STAFF_PAGES = List.of("/admin", "/admin/orders", "/admin/invoices",
			"/admin/resellers", "/admin/applications", "/admin/top-ups", "/admin/catalog", "/admin/services",
			"/admin/support", "/admin/outbox", "/admin/audit", "/admin/export");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser staff;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "100.00");
		shop.buy(resellerId, "REMOTA", SPID, 1);
		staff = shop.staff();
	}

	@Test
	void everyStaffPageHasTheStaffMenuWithItsOwnEntryMarked() throws Exception {
		for (String path : STAFF_PAGES) {
			String html = page(path);
			assertThat(html).as(path).contains("data-testid=\"staff-menu\"");
			for (String entry : STAFF_PAGES) {
				assertThat(html).as(path + " links " + entry).contains("href=\"" + entry + "\"");
			}
			assertThat(html).as(path).containsOnlyOnce("aria-current=\"page\"");
			assertThat(html).as(path).containsPattern("href=\"" + Pattern.quote(path) + "\" aria-current=\"page\"");
		}
		// a page inside a section marks the section
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		assertThat(page("/admin/services/" + serviceId)).contains("href=\"/admin/services\" aria-current=\"page\"");
		// resellers see their own menu, not the staff's
		String catalog = mvc.perform(get("/catalog").with(user(shop.userOf(resellerId, "reseller@test.it"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(catalog).doesNotContain("data-testid=\"staff-menu\"");
	}

	@Test
	void theOutboxAndTheAuditSayWordsNotCodes() throws Exception {
		jdbc.sql("update mail_outbox set status = 'SENT', sent_at = now()").update();
		String outbox = page("/admin/outbox");
		assertThat(outbox).contains(">Inviata<").doesNotContain(">SENT<");
		long mailId = jdbc.sql("select min(id) from mail_outbox").query(Long.class).single();
		assertThat(page("/admin/outbox/" + mailId)).contains("Inviata").doesNotContain("SENT");

		String audit = page("/admin/audit");
		assertThat(audit).contains("Credito: acquisto")
			.contains("Credito: ricarica")
			.contains("href=\"/admin/resellers/" + resellerId + "\">Azienda reseller@test.it</a>")
			.doesNotContain("CREDIT_PURCHASE<")
			.doesNotContain(">CREDIT_TOPUP<")
			.doesNotContain("reseller-" + resellerId);
		// the filter's choices in words too, their values still the codes
		assertThat(audit).contains("<option value=\"CREDIT_PURCHASE\">Credito: acquisto</option>");
	}

	@Test
	void theSalesChartHasAxesAndNoTableInsideItsFigure() throws Exception {
		String dashboard = page("/admin");
		String figure = dashboard.substring(dashboard.indexOf("<figure"), dashboard.indexOf("</figure>"));
		assertThat(figure).doesNotContain("<table");
		assertThat(figure).contains("Incasso del giorno").contains("Giorno");
		// the amount axis runs from the best day (47,58 € with VAT) through half of it to
		// zero
		assertThat(figure).containsPattern(
				"data-testid=\"sales-chart-y\">\\s*<span>47,58\\h€</span>\\s*<span>23,79\\h€</span>\\s*<span>0,00\\h€</span>");
		assertThat(figure).containsPattern("data-testid=\"sales-chart-x\">\\s*<span>\\d{2}/\\d{2}/\\d{4}</span>");
		assertThat(dashboard).contains("data-testid=\"chart-data\"");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(staff)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
