package it.rivendo.catalog.web;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.OfferPage;
import it.rivendo.catalog.ProductOffer;
import it.rivendo.catalog.ProductPage;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.web.RenderedFragments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CatalogController {

	private final Catalog catalog;

	private final it.rivendo.catalog.TierRules tiers;

	private final RenderedFragments fragments;

	CatalogController(Catalog catalog, it.rivendo.catalog.TierRules tiers, RenderedFragments fragments) {
		this.catalog = catalog;
		this.tiers = tiers;
		this.fragments = fragments;
	}

	/**
	 * Products per catalog page: the demo catalog (14 products, 34 modes: 51 KB of HTML)
	 * fits on one, and a page stays under 60 KB however large the catalog grows.
	 */
	static final int PAGE_PRODUCTS = 15;

	/**
	 * Every product on sale, each with its identification modes at this reseller's
	 * discount, a quantity and "Acquista"; a page of products at a time.
	 */
	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/catalog")
	String catalog(@AuthenticationPrincipal ShopUser user, @RequestParam(name = "q", required = false) String search,
			@RequestParam(name = "family", required = false) String family,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		String query = search == null ? "" : search.strip();
		if (query.length() > 100) {
			query = query.substring(0, 100);
		}
		OfferPage offer = catalog.offerPage(user.resellerId(), query, family, page, PAGE_PRODUCTS);
		model.addAttribute("products", offer.products());
		model.addAttribute("results", offer.total());
		model.addAttribute("page", offer.page());
		model.addAttribute("pages", offer.pages());
		model.addAttribute("tier", catalog.tierOf(user.resellerId()));
		model.addAttribute("tierStatus", tiers.statusOf(user.resellerId()));
		model.addAttribute("q", query);
		model.addAttribute("family", family == null ? "" : family);
		// the products' entries, rendered once per everything they show (issue 22)
		ProductList list = new ProductList(offer.products(), query, family == null ? "" : family, offer.page(),
				user.canBuy(), model.getAttribute("buyError"));
		model.addAttribute("productList", fragments.render("catalog/products", "list", list, list.variables()));
		return "catalog/catalog";
	}

	/**
	 * Everything the catalog's product entries show: the products at this reseller's
	 * prices, the search, family and page the forms carry, whether the user may buy, and
	 * the error of a refused "Acquista" (a flash attribute) if any.
	 */
	private record ProductList(List<ProductOffer> products, String q, String family, int page, boolean buyer,
			Object buyError) {

		Map<String, Object> variables() {
			Map<String, Object> variables = new HashMap<>();
			variables.put("products", products);
			variables.put("q", q);
			variables.put("family", family);
			variables.put("page", page);
			variables.put("buyer", buyer);
			variables.put("buyError", buyError);
			return variables;
		}

	}

	/**
	 * The product page of the main menu: choose how the customer is identified, then
	 * "Attiva ora".
	 */
	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/products/{code}")
	String product(@AuthenticationPrincipal ShopUser user, @PathVariable String code, Model model) {
		ProductPage page = catalog.productPage(code, user.resellerId());
		model.addAttribute("product", page);
		model.addAttribute("tier", catalog.tierOf(user.resellerId()));
		if (!model.containsAttribute("selectedMode")) {
			IdentificationMode first = page.quotes().isEmpty() ? null : page.quotes().get(0).mode();
			model.addAttribute("selectedMode", first);
		}
		return "catalog/product";
	}

}
