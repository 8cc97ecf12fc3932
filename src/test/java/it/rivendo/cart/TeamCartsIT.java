package it.rivendo.cart;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.TeamRole;
import it.rivendo.support.PageSliceData;
import it.rivendo.support.TestShop;
import it.rivendo.support.WebIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17: each user of a reseller's team has its own cart, and what it pays is recorded
 * as its own (the order and the services it bought), on the same credit.
 */
@WebIntegrationTest
class TeamCartsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	long resellerId;

	ShopUser owner;

	ShopUser operator;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00"); // 47.58 with VAT
		resellerId = shop.reseller("owner@test.it", "BASE", "500.00");
		owner = shop.owner(resellerId);
		operator = shop.member(resellerId, "op@test.it", TeamRole.OPERATOR, null, true);
	}

	@Test
	void eachUserFillsAndPaysItsOwnCartAndTheOrderAndServicesNameWhoBought() throws Exception {
		addToCart(owner, 2);
		addToCart(operator, 1);

		mvc.perform(get("/cart").with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"cart-count\">1<")))
			.andExpect(content().string(containsString("value=\"1\"")));
		mvc.perform(get("/cart").with(user(owner)))
			.andExpect(content().string(containsString("data-testid=\"cart-count\">2<")));
		assertThat(unitsInCartOf(owner)).isEqualTo(2);
		assertThat(unitsInCartOf(operator)).isEqualTo(1);

		mvc.perform(PageSliceData.checkoutForm(operator, "47.58", Map.of("token", "op-1")))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));

		assertThat(unitsInCartOf(operator)).isZero();
		assertThat(unitsInCartOf(owner)).isEqualTo(2); // the Titolare's cart is untouched
		assertThat(jdbc.sql("select placed_by_user_id from purchase_order where reseller_id = ?")
			.param(resellerId)
			.query(Long.class)
			.list()).containsExactly(operator.userId());
		assertThat(jdbc.sql("select placed_by_user_id from purchased_service where reseller_id = ?")
			.param(resellerId)
			.query(Long.class)
			.list()).containsExactly(operator.userId());
		assertThat(jdbc.sql("select balance from credit_account where reseller_id = ?")
			.param(resellerId)
			.query(String.class)
			.single()).isEqualTo("452.42"); // one credit for the whole team
		// the purchase e-mail goes to the operator who bought, with a copy to the
		// Titolare
		assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'PURCHASE' order by recipient")
			.query(String.class)
			.list()).containsExactly("op@test.it", "owner@test.it");
	}

	@Test
	void theTitolareTurnsItsCopiesOffOnUtentiAndTheOperatoresPurchaseEmailGoesToTheOperatoreOnly() throws Exception {
		mvc.perform(get("/account/team").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ricevi una copia delle e-mail degli utenti del team")))
			.andExpect(content().string(matchesPattern("(?s).*<input[^>]*name=\"copies\"[^>]*checked[^>]*>.*")));

		mvc.perform(post("/account/team/copies").with(user(owner)).with(csrf()).param("_copies", "on"))
			.andExpect(redirectedUrl("/account/team"));
		assertThat(jdbc.sql("select team_copies from user_account where id = ?")
			.param(owner.userId())
			.query(Boolean.class)
			.single()).isFalse();
		mvc.perform(get("/account/team").with(user(owner)))
			.andExpect(content().string(matchesPattern("(?s).*<input[^>]*name=\"copies\"(?![^>]*checked)[^>]*>.*")));

		addToCart(operator, 1);
		mvc.perform(PageSliceData.checkoutForm(operator, "47.58", Map.of("token", "op-3")))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));
		addToCart(owner, 1);
		mvc.perform(PageSliceData.checkoutForm(owner, "47.58", Map.of("token", "owner-3")))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));

		// the operator's order to the operator alone, greeted by its name; the Titolare's
		// own to the Titolare
		assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'PURCHASE' order by id")
			.query(String.class)
			.list()).containsExactly("op@test.it", "owner@test.it");
		assertThat(jdbc.sql("select body_text from mail_outbox where kind = 'PURCHASE' and recipient = 'op@test.it'")
			.query(String.class)
			.single()).contains("Gentile Utente op@test.it");

		mvc.perform(post("/account/team/copies").with(user(owner)).with(csrf()).param("copies", "true"))
			.andExpect(redirectedUrl("/account/team"));
		addToCart(operator, 1);
		mvc.perform(PageSliceData.checkoutForm(operator, "47.58", Map.of("token", "op-4")))
			.andExpect(redirectedUrlPattern("/orders/*/completed"));
		assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'PURCHASE' order by id")
			.query(String.class)
			.list()).containsExactly("op@test.it", "owner@test.it", "op@test.it", "owner@test.it");
	}

	@Test
	void anOperatoreCannotChooseCopies() throws Exception {
		mvc.perform(post("/account/team/copies").with(user(operator)).with(csrf()).param("_copies", "on"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCheckoutPaysTheCartOfWhoeverConfirmsIt() throws Exception {
		addToCart(owner, 1);

		// the operator's cart is empty: confirming the owner's total pays nothing
		mvc.perform(PageSliceData.checkoutForm(operator, "47.58", Map.of("token", "op-2")))
			.andExpect(redirectedUrlPattern("/cart?paid-elsewhere"));

		assertThat(jdbc.sql("select count(*) from purchase_order").query(Integer.class).single()).isZero();
		assertThat(unitsInCartOf(owner)).isEqualTo(1);
	}

	private void addToCart(ShopUser user, int quantity) throws Exception {
		mvc.perform(post("/cart/items").with(user(user))
			.with(csrf())
			.param("product", "REMOTA")
			.param("mode", "SPID")
			.param("quantity", String.valueOf(quantity))).andExpect(status().is3xxRedirection());
	}

	private int unitsInCartOf(ShopUser user) {
		return jdbc.sql("""
				select coalesce(sum(l.quantity), 0) from cart_line l join cart c on c.id = l.cart_id
				where c.user_id = ?""").param(user.userId()).query(Integer.class).single();
	}

}
