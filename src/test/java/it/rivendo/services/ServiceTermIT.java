package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.ServiceTerm;
import it.rivendo.identity.ShopUser;
import it.rivendo.ops.ScheduledJobs;
import it.rivendo.shared.Formats;
import it.rivendo.support.ActivatedServices;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The term of a service: sold with its product's term, valid from activation for that
 * long, shown in the customer area ("Valido fino al", "In scadenza tra N giorni" inside
 * the renewal window), Scaduto after its date, and never confused with a service not
 * activated in time.
 */
@WebIntegrationTest
class ServiceTermIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PurchasedServices services;

	@Autowired
	ActivatedServices activated;

	@Autowired
	ScheduledJobs jobs;

	long reseller;

	ShopUser owner;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		shop.product("MARCHE", "FIRMA", SPID, "20.00"); // no term: a consumable
		reseller = shop.reseller("owner@test.it", "BASE", "500.00");
		owner = shop.userOf(reseller, "owner@test.it");
	}

	@Test
	void anActivatedServiceIsValidForItsProductsTermFromActivation() {
		shop.buy(reseller, "REMOTA", SPID, 1);
		long id = onlyService("REMOTA");
		assertThat(jdbc.sql("select term_months from purchased_service where id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(12);
		// staff change the catalog afterwards: the service keeps what it was sold with
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(36, 90, 0));
		clock.advance(Duration.ofDays(5));

		activate(id, "mario@test.it");

		ServiceView view = services.view(reseller, id);
		assertThat(view.activatedAt()).isNotNull();
		assertThat(view.validUntil())
			.isEqualTo(view.activatedAt().atZone(Formats.SHOP_ZONE).plusMonths(12).toInstant());
		assertThat(jdbc.sql("select valid_until from purchased_service where id = ?")
			.param(id)
			.query(Instant.class)
			.single()).isEqualTo(view.validUntil().truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void aServiceWithoutTermHasNoDate() throws Exception {
		shop.buy(reseller, "MARCHE", SPID, 1);
		long id = onlyService("MARCHE");
		activate(id, "mario@test.it");

		assertThat(services.view(reseller, id).validUntil()).isNull();
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(containsString("Attivo")))
			.andExpect(content().string(not(containsString("Valido fino al"))));
		clock.advance(Duration.ofDays(3650));
		jobs.runNow("ServiceLifecycle.run");
		assertThat(services.view(reseller, id).status()).isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void theCustomerAreaShowsTheDateThenTheDaysLeftInsideTheWindowThenScaduto() throws Exception {
		shop.buy(reseller, "REMOTA", SPID, 1);
		long id = onlyService("REMOTA");
		activate(id, "mario@test.it");
		Instant validUntil = services.view(reseller, id).validUntil();
		String date = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(validUntil.atZone(Formats.SHOP_ZONE));

		mvc.perform(get("/account/services").with(user(owner)))
			.andExpect(content().string(containsString("Valido fino al " + date)))
			.andExpect(content().string(not(containsString("data-testid=\"expires-in\""))));
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(containsString(date)))
			.andExpect(content().string(not(containsString("data-testid=\"expires-in\""))));

		clock.advance(Duration.ofDays(300)); // 65 or so days before the date: inside the
												// 90-day window
		long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), Formats.SHOP_ZONE),
				LocalDate.ofInstant(validUntil, Formats.SHOP_ZONE));
		assertThat(days).isBetween(60L, 70L);
		mvc.perform(get("/account/services").with(user(owner)))
			.andExpect(content().string(containsString("Valido fino al " + date)))
			.andExpect(content().string(containsString("In scadenza tra " + days + " giorni")));
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(containsString("In scadenza tra " + days + " giorni")));
		mvc.perform(get("/account/services/" + id).param("lang", "en").with(user(owner)))
			.andExpect(content().string(containsString("Expires in " + days + " days")));

		jobs.runNow("ServiceLifecycle.run");
		assertThat(services.view(reseller, id).status()).isEqualTo(ServiceStatus.ACTIVE);

		clock.advance(Duration.ofDays(days + 1));
		jobs.runNow("ServiceLifecycle.run");

		assertThat(services.view(reseller, id).status()).isEqualTo(ServiceStatus.TERM_ENDED);
		assertThat(services.history(reseller, id)).extracting(ServiceHistoryEntry::kind).contains("TERM_ENDED");
		mvc.perform(get("/account/services").with(user(owner)))
			.andExpect(content().string(containsString(">Scaduto<")))
			.andExpect(content().string(containsString("Valido fino al " + date)))
			.andExpect(content().string(not(containsString("data-testid=\"expires-in\""))));
		mvc.perform(get("/account/services").param("status", "TERM_ENDED").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prodotto REMOTA")));
	}

	@Test
	void notActivatedInTimeIsAnotherStateWithAnotherName() throws Exception {
		shop.buy(reseller, "REMOTA", SPID, 1);
		long id = onlyService("REMOTA");
		clock.advance(Duration.ofDays(121));
		jobs.runNow("ServiceLifecycle.run");

		assertThat(services.view(reseller, id).status()).isEqualTo(ServiceStatus.ACTIVATION_EXPIRED);
		assertThat(jdbc.sql("select status from purchased_service where id = ?").param(id).query(String.class).single())
			.isEqualTo("ACTIVATION_EXPIRED");
		mvc.perform(get("/account/services/" + id).with(user(owner)))
			.andExpect(content().string(containsString("Non attivato in tempo")))
			.andExpect(content().string(not(containsString(">Scaduto<"))))
			.andExpect(content().string(not(containsString("Valido fino al"))));
	}

	private void activate(long id, String email) {
		activated.activate(reseller, id, email, ActivatedServices.MARIO);
	}

	private long onlyService(String productCode) {
		List<Long> ids = jdbc.sql("select id from purchased_service where product_code = ?")
			.param(productCode)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

}
