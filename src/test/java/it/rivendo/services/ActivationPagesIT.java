package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import it.rivendo.support.ActivationLinks;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The end customer's activation page (issue 21): it speaks to the customer, links the
 * privacy notice and the terms (public pages), offers "Apri su altro dispositivo" (a QR
 * code of the same link; CIE needs NFC), says what happens once the service is active, a
 * PEC mailbox asks for the PEC address, and the error summary lists each field once, in
 * the form's order, naming it and linking to it.
 */
@WebIntegrationTest
class ActivationPagesIT {

	private static final Pattern SUMMARY_ENTRY = Pattern.compile("<li>\\s*<a href=\"#([^\"]+)\">([^<]+)</a>\\s*</li>");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	PurchasedServices services;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA").family("PEC");
		shop.product("REMOTA", "FIRMA", CIE, "39.00");
		shop.product("PEC-STD", "PEC", SPID, "25.00");
		resellerId = shop.reseller("reseller@test.it", "BASE", "100.00");
	}

	@Test
	void thePageSpeaksToTheCustomerAndSaysWhatComesNext() throws Exception {
		String token = associated("REMOTA", CIE, "laura@test.it");
		ActivationLinks.open(mvc, token)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ha acquistato per te questo servizio")))
			.andExpect(content().string(containsString("Ti riconoscerai con la tua CIE e il suo PIN")))
			.andExpect(content().string(not(containsString("Il cliente si riconosce"))))
			.andExpect(content().string(containsString("href=\"/privacy\"")))
			.andExpect(content().string(containsString("href=\"/terms\"")))
			.andExpect(content().string(containsString("Apri su altro dispositivo")))
			.andExpect(content().string(containsString("data-testid=\"other-device-qr\"")))
			.andExpect(content().string(containsString("src=\"data:image/png;base64,")))
			.andExpect(content().string(containsString("Il riconoscimento con CIE richiede un telefono con NFC.")))
			.andExpect(content().string(containsString("Quando il servizio è attivo")))
			.andExpect(content().string(containsString("Il certificato di firma viene emesso al termine")))
			.andExpect(content().string(not(containsString("Indirizzo PEC che desideri"))));

		// the notice and the terms need no login
		mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h3\">Informativa sulla privacy</h1>")));
		mvc.perform(get("/terms"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h3\">Condizioni generali del servizio</h1>")));
	}

	@Test
	void theLinkLeavesTheAddressBarAndSearchEnginesFindOnlyTheGeneralPage() throws Exception {
		String token = associated("REMOTA", CIE, "laura@test.it");
		MvcResult followed = mvc.perform(get("/activate/" + token))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/activate"))
			.andReturn();
		String setCookie = followed.getResponse().getHeader("Set-Cookie");
		assertThat(setCookie).startsWith(ActivationLinks.COOKIE + "=" + token + ";")
			.contains("Path=/activate")
			.contains("Max-Age=7200")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		Cookie cookie = followed.getResponse().getCookie(ActivationLinks.COOKIE);

		// the page at /activate: the customer's, its form posts the token it shows
		String page = mvc.perform(get("/activate").cookie(cookie))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<title>Attivazione del servizio · Rivendo</title>")
			.contains("<meta name=\"description\" content=\"Attiva il servizio fiduciario che il tuo rivenditore")
			.contains("action=\"/activate\"")
			.contains("name=\"token\" value=\"" + token + "\"")
			.contains("laura@test.it");

		// a crawler (no cookie) gets a general page, with nothing personal
		String general = mvc.perform(get("/activate"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(general).contains("Attiva il tuo servizio")
			.contains("apri il link personale")
			.contains("<meta name=\"description\" content=\"Attiva il servizio fiduciario")
			.doesNotContain("laura@test.it")
			.doesNotContain(token)
			.doesNotContain("Prodotto REMOTA");
		String robots = mvc.perform(get("/robots.txt")).andReturn().getResponse().getContentAsString();
		assertThat(robots.lines()).contains("Disallow: /activate/").doesNotContain("Disallow: /activate");

		// "Apri su altro dispositivo": the QR code is the personal link, which opens the
		// page on a device that has no cookie yet
		Matcher qr = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(page);
		assertThat(qr.find()).isTrue();
		// the image as drawn by the shop: a pure barcode, read from its corners
		String decoded = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
					ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.group(1))))))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
		assertThat(decoded).endsWith("/activate/" + token);
		ActivationLinks.open(mvc, URI.create(decoded).getPath().substring("/activate/".length()))
			.andExpect(content().string(containsString("laura@test.it")));

		// the form posted to /activate starts the identification of the token it carries
		mvc.perform(form(token)).andExpect(status().is3xxRedirection());
		assertThat(serviceStatus("laura@test.it")).isNotEqualTo("ASSOCIATED");
		// the cookie of a used link: the link's own page says so, not the form
		mvc.perform(get("/activate").cookie(cookie))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("già stato usato")));
		// a form without a token, or with a made-up one
		mvc.perform(post("/activate").with(csrf()).param("firstName", "X")).andExpect(status().isNotFound());
		mvc.perform(post("/activate").param("token", "A".repeat(43)).with(csrf()).param("firstName", "X"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSummaryNamesEachFieldOnceInTheFormsOrder() throws Exception {
		String token = associated("REMOTA", CIE, "laura@test.it");
		List<String> expected = List.of("firstName: Indica il tuo nome.", "lastName: Indica il tuo cognome.",
				"taxCode: Indica il tuo codice fiscale.", "mobile: Indica il tuo numero di cellulare.",
				"privacy: Il consenso al trattamento dei dati è necessario per attivare il servizio.",
				"terms: Per attivare il servizio occorre accettare le condizioni generali.");
		for (int run = 0; run < 5; run++) { // the validator's order changed from run to
											// run
			String page = mvc
				.perform(post("/activate").param("token", token)
					.param("firstName", "")
					.param("lastName", " ")
					.param("taxCode", "")
					.param("mobile", "")
					.with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(summary(page)).containsExactlyElementsOf(expected);
			// an empty field shows one error next to it, not two
			assertThat(page).containsOnlyOnce("id=\"taxCode-error\"")
				.containsOnlyOnce("Indica il tuo codice fiscale.</div>");
			assertThat(page).doesNotContain("Campo obbligatorio").doesNotContain("Codice fiscale non valido");
		}

		// a wrong value says what is wrong with that field; what was typed stays
		String page = mvc.perform(form(token, "taxCode", "BNCLRA70A41H501C", "mobile", "12"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary(page)).containsExactly(
				"taxCode: Codice fiscale non valido: servono 16 caratteri con il carattere di controllo corretto.",
				"mobile: Numero di cellulare non valido: solo cifre, eventualmente con il prefisso +39.");
		assertThat(page).contains("value=\"Laura\"").contains("value=\"BNCLRA70A41H501C\"");
	}

	@Test
	void aPecMailboxAsksForTheAddressTheCustomerWants() throws Exception {
		String token = associated("PEC-STD", SPID, "mario@test.it");
		ActivationLinks.open(mvc, token)
			.andExpect(content().string(containsString("Indirizzo PEC che desideri")))
			.andExpect(content().string(containsString("le credenziali della tua nuova casella PEC")));

		String missing = mvc.perform(form(token))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary(missing)).containsExactly("pecAddress: Indica l&#39;indirizzo PEC che desideri.");
		String wrong = mvc.perform(form(token, "pecAddress", "mario.rossi"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary(wrong))
			.containsExactly("pecAddress: Indirizzo PEC non valido: scrivilo come nome@dominio.it.");
		assertThat(wrong).contains("value=\"mario.rossi\"");
		assertThat(serviceStatus("mario@test.it")).isEqualTo("ASSOCIATED");

		mvc.perform(form(token, "pecAddress", " Mario.Rossi@PEC.example.it ")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select customer_pec_address from purchased_service where customer_email = 'mario@test.it'")
			.query(String.class)
			.single()).isEqualTo("mario.rossi@pec.example.it");
		long serviceId = jdbc.sql("select id from purchased_service where customer_email = 'mario@test.it'")
			.query(Long.class)
			.single();
		mvc.perform(get("/admin/services/" + serviceId).with(user(shop.staff())))
			.andExpect(content().string(containsString("mario.rossi@pec.example.it")));
	}

	/** A filled-in form, with fields given as name, value pairs in place of the usual. */
	private MockHttpServletRequestBuilder form(String token, String... changed) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("firstName", "Laura", "lastName", "Bianchi", "taxCode",
				"BNCLRA70A41H501B", "mobile", "+39 333 1234567", "privacy", "true", "terms", "true"));
		for (int i = 0; i < changed.length; i += 2) {
			fields.put(changed[i], changed[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/activate").param("token", token).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	/** The summary's entries as "field: message", in the page's order. */
	private static List<String> summary(String page) {
		int start = page.indexOf("id=\"error-summary\"");
		assertThat(start).as("an error summary").isPositive();
		String block = page.substring(start, page.indexOf("</ul>", start));
		List<String> entries = new ArrayList<>();
		Matcher entry = SUMMARY_ENTRY.matcher(block);
		while (entry.find()) {
			entries.add(entry.group(1) + ": " + entry.group(2).strip());
		}
		return entries;
	}

	private String associated(String productCode, it.rivendo.catalog.IdentificationMode mode, String email) {
		shop.buy(resellerId, productCode, mode, 1);
		long serviceId = jdbc.sql("select max(id) from purchased_service").query(Long.class).single();
		services.associate(resellerId, serviceId, email, null, "reseller@test.it");
		return OutboxLinks.token(jdbc, "ACTIVATION_LINK", email, "/activate/");
	}

	private String serviceStatus(String email) {
		return jdbc.sql("select status from purchased_service where customer_email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

}
