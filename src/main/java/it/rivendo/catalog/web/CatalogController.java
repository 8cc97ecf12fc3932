package it.rivendo.catalog.web;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.OfferPage;
import it.rivendo.catalog.ProductPage;
import it.rivendo.identity.ShopUser;
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

	CatalogController(Catalog catalog, it.rivendo.catalog.TierRules tiers) {
		this.catalog = catalog;
		this.tiers = tiers;
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
		return "catalog/catalog";
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
