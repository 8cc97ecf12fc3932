package it.rivendo.services;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Associa più servizi": several services ticked, the addresses pasted one per line; a
 * wrong count or address comes back next to the field with everything as typed, and
 * nothing is associated; a right one associates all and sends every link.
 */
@WebIntegrationTest
class AssociateManyPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	ShopUser owner;

	List<Long> ids;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		long ownerId = shop.reseller("owner@test.it", "BASE", "500.00");
		owner = shop.userOf(ownerId, "owner@test.it");
		shop.buy(ownerId, "REMOTA", SPID, 3);
		ids = jdbc.sql("select id from purchased_service order by id").query(Long.class).list();
	}

	@Test
	void thePageListsTheServicesStillToAssociate() throws Exception {
		mvc.perform(get("/account/services/associate-many").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"service-" + ids.get(2) + "\"")))
			.andExpect(content().string(containsString("Indirizzi e-mail, uno per riga")));
	}

	@Test
	void aWrongCountOrAddressComesBackNextToTheFieldAndNothingIsAssociated() throws Exception {
		mvc.perform(form("a@example.it\n", ids.get(0), ids.get(1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Hai spuntato 2 servizi e scritto 1 indirizzo")))
			.andExpect(content().string(containsString("checked=\"checked\"")))
			.andExpect(content().string(containsString("a@example.it")));
		mvc.perform(form("a@example.it\nnot-an-address\n", ids.get(0), ids.get(1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Riga 2 («not-an-address»): Indirizzo e-mail non valido.")))
			.andExpect(content().string(containsString("aria-describedby=\"emails-error\"")));
		mvc.perform(form("a@example.it\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Spunta almeno un servizio.")));
		assertThat(jdbc.sql("select count(*) from purchased_service where status = 'ASSOCIATED'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rightAddressesAssociateEveryServiceTickedAndSendEachLink() throws Exception {
		mvc.perform(form("  Anna@Example.it \n\nluca@example.it\n", ids.get(0), ids.get(2)))
			.andExpect(redirectedUrl("/account/services?status=ASSOCIATED"));
		assertThat(jdbc.sql("select coalesce(customer_email, '-') from purchased_service order by id")
			.query(String.class)
			.list()).containsExactly("anna@example.it", "-", "luca@example.it");
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where kind = 'ACTIVATION_LINK'").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void anotherResellersServiceIsNotAssociatedAndNothingIs() throws Exception {
		ShopUser intruder = shop.userOf(shop.reseller("intruder@test.it", "BASE", "0"), "intruder@test.it");
		mvc.perform(post("/account/services/associate-many").param("serviceIds", String.valueOf(ids.get(0)))
			.param("emails", "x@example.it")
			.param("confirmed", "true")
			.with(user(intruder))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from purchased_service where status = 'ASSOCIATED'")
			.query(Long.class)
			.single()).isZero();
	}

	private MockHttpServletRequestBuilder form(String emails, Long... serviceIds) {
		MockHttpServletRequestBuilder request = post("/account/services/associate-many").param("emails", emails)
			.param("confirmed", "true")
			.with(user(owner))
			.with(csrf());
		for (Long id : serviceIds) {
			request.param("serviceIds", String.valueOf(id));
		}
		return request;
	}

}
