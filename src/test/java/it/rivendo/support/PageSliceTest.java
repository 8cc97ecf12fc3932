package it.rivendo.support;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.Catalog;
import it.rivendo.credit.CreditLedger;
import it.rivendo.shared.Formats;
import it.rivendo.shared.web.RenderedFragments;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A slice test of some pages (like petclinic's {@code PetControllerTests}): the given
 * controllers with Spring MVC, Thymeleaf, the message bundles and Spring Security's
 * defaults (sign in with {@code user(...)}, post with {@code csrf()}), and no database.
 * What the page frame reads (menu, credit, cart count) and the controllers' own services
 * are Mockito mocks: declare the latter with {@code @MockitoBean}, and reach the frame's
 * with {@code @Autowired}. Part of the fast lane ({@code ./mvnw test}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// no database: the shop's choice of one (DatabaseBootstrap, which would find or start a
// server) is switched off
@WebMvcTest(properties = "rivendo.database.bootstrap=false")
@Import({ Formats.class, RenderedFragments.class })
@MockitoBean(types = { Catalog.class, CreditLedger.class, CartService.class, PlatformTransactionManager.class })
public @interface PageSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
