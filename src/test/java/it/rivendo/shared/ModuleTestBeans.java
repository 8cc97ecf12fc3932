package it.rivendo.shared;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.support.MutableClock;
import it.rivendo.support.TestShop;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * The test clock and {@link TestShop} for {@link it.rivendo.support.ModuleScenarioTest}s.
 * A module test keeps only the beans of the modules it starts, and the test helpers'
 * package, {@code it.rivendo.support}, is also the package of the support module, which
 * those tests do not start: declared here, by a test configuration of {@code shared},
 * which every module uses, they are kept.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestBeans {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	/**
	 * Each of its parts is looked up when first used: a module test that starts no
	 * {@code ordering} can still make products and resellers, only not buy.
	 */
	@Bean
	TestShop testShop(@Lazy CatalogManagement catalog, @Lazy ResellerAccounts accounts, @Lazy CreditLedger credit,
			@Lazy CartService carts, @Lazy CheckoutService checkout, @Lazy JdbcClient jdbc,
			@Lazy PasswordEncoder passwords) {
		return new TestShop(catalog, accounts, credit, carts, checkout, jdbc, passwords);
	}

}
