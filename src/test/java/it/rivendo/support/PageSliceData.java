package it.rivendo.support;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.rivendo.cart.CartView;
import it.rivendo.catalog.ProductMode;
import it.rivendo.identity.Role;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the pages' tests post and what their mocks answer: a reseller, a cart, the
 * checkout form.
 */
public final class PageSliceData {

	/** Reseller 7, signed in. */
	public static final ShopUser RESELLER = new ShopUser(7000, 7L, "buyer@test.it", "Referente", Role.RESELLER, true,
			"n/a");

	private PageSliceData() {
	}

	/**
	 * A cart of one line (id 5): product REMOTA in SPID mode, undiscounted, at 22% VAT.
	 */
	public static CartView cartOf(int quantity, String unitPrice) {
		Money unit = Money.of(unitPrice);
		Money net = unit.times(quantity);
		BigDecimal vat = new BigDecimal("22.00");
		CartView.Line line = new CartView.Line(5, new ProductMode(1, SPID), "REMOTA",
				new LocalizedText("Prodotto REMOTA", "Product REMOTA"), SPID, quantity, unit, BigDecimal.ZERO, unit,
				vat, net, unit, false, true);
		return new CartView(List.of(line), VatBreakdown.of(List.of(new TaxableLine(net, vat))));
	}

	/**
	 * The checkout form of a company customer as the page posts it, with some fields
	 * typed differently.
	 */
	public static MockHttpServletRequestBuilder checkoutForm(ShopUser reseller, String expectedTotal,
			Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", "tok-1");
		fields.put("expectedTotal", expectedTotal);
		fields.put("customerType", "COMPANY");
		fields.put("companyName", "Cliente Finale S.r.l.");
		fields.put("vatNumber", "01114601006");
		fields.put("street", "Via del Corso 12");
		fields.put("postalCode", "00186");
		fields.put("city", "Roma");
		fields.put("province", "RM");
		fields.put("country", "IT");
		fields.put("sdiCode", "M5UXCR1");
		fields.put("confirmed", "true");
		fields.putAll(changes);
		MockHttpServletRequestBuilder request = post("/checkout").with(user(reseller)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

}
