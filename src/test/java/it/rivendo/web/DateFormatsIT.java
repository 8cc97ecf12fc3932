package it.rivendo.web;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.PurchasedServices;
import it.rivendo.shared.Formats;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One date format across pages and e-mails (issue 21, there were three: "30 nov 2026",
 * "30/11/26, 10:15" and "30/11/2026"): dates are 30/11/2026 and moments 30/11/2026 10:15,
 * in Italian and in English, on the reseller's, the staff's and the end customer's pages
 * and in the e-mails, all through {@link Formats}.
 */
@WebIntegrationTest
class DateFormatsIT {

	/**
	 * A day-month-year date that is not written dd/MM/yyyy: a month's name or a 2-digit
	 * year.
	 */
	private static final Pattern OTHER_DATE = Pattern.compile(
			"\\b\\d{1,2} (gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)[a-z]*\\.? \\d{4}\\b"
					+ "|\\b\\d{1,2}/\\d{1,2}/\\d{2}\\b(?!\\d)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE_TIME = Pattern.compile("\\b\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ShopUser reseller;

	long resellerId;

	String orderNumber;

	String today;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "100.00");
		reseller = shop.userOf(resellerId, "reseller@test.it");
		orderNumber = shop.buy(resellerId, "REMOTA", SPID, 1);
		long serviceId = jdbc.sql("select id from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, "mario@test.it", null, "reseller@test.it");
		today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(clock.withZone(Formats.SHOP_ZONE)));
	}

	@Test
	void theResellersPagesWriteDatesOneWayInBothLanguages() throws Exception {
		for (String lang : new String[] { "it", "en" }) {
			String order = page("/orders/" + orderNumber + "?lang=" + lang, reseller);
			assertThat(order).contains(today);
			assertThat(DATE_TIME.matcher(order).find()).as("a date-time on the order page").isTrue();
			page("/orders?lang=" + lang, reseller);
			String service = page("/account/services?lang=" + lang, reseller);
			assertThat(DATE_TIME.matcher(service).find() || service.matches("(?s).*\\d{2}/\\d{2}/\\d{4}.*")).isTrue();
			page("/account/credit?lang=" + lang, reseller);
		}
	}

	@Test
	void theStaffPagesAndTheEMailsToo() throws Exception {
		ShopUser staff = shop.staff();
		String outbox = page("/admin/outbox", staff);
		assertThat(outbox).contains(today);
		page("/admin/orders", staff);
		page("/admin/services", staff);
		page("/admin/invoices", staff);

		String activationMail = jdbc
			.sql("select body_text || body_html from mail_outbox where kind = 'ACTIVATION_LINK'")
			.query(String.class)
			.single();
		assertThat(activationMail).matches("(?s).*valido fino al \\d{2}/\\d{2}/\\d{4};.*");
		for (String body : jdbc.sql("select body_text || body_html from mail_outbox").query(String.class).list()) {
			Matcher other = OTHER_DATE.matcher(body);
			assertThat(other.find() ? other.group() : null).as("a date written another way in an e-mail").isNull();
		}
	}

	private String page(String path, ShopUser as) throws Exception {
		String html = mvc.perform(get(path).with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher other = OTHER_DATE.matcher(html);
		assertThat(other.find() ? other.group() : null).as("a date written another way on " + path).isNull();
		return html;
	}

}
