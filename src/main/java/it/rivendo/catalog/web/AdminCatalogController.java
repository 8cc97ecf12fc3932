package it.rivendo.catalog.web;

import it.rivendo.catalog.CatalogConflictException;
import it.rivendo.catalog.CatalogManagement;
import it.rivendo.catalog.CatalogManagement.NewProduct;
import it.rivendo.catalog.CatalogManagement.OverrideEntry;
import it.rivendo.catalog.CatalogManagement.ProductEntry;
import it.rivendo.catalog.CatalogManagement.TierEntry;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.identity.ResellerDirectory;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff edit the catalog: products with their price per identification mode, withdrawal,
 * and per-product discount exceptions for a tier or for one reseller. Every change is
 * audited by {@link CatalogManagement}.
 */
@Controller
class AdminCatalogController {

	private final CatalogManagement catalog;

	private final ResellerDirectory resellers;

	AdminCatalogController(CatalogManagement catalog, ResellerDirectory resellers) {
		this.catalog = catalog;
		this.resellers = resellers;
	}

	@GetMapping("/admin/catalog")
	String list(Model model) {
		model.addAttribute("products", catalog.allProducts());
		model.addAttribute("families", catalog.families());
		model.addAttribute("tiers", catalog.tiers());
		model.addAttribute("modes", IdentificationMode.values());
		return "catalog/admin-catalog";
	}

	@GetMapping("/admin/catalog/products/new")
	String newProduct(Model model) {
		model.addAttribute("productForm", new ProductForm());
		return productPage(null, model);
	}

	@PostMapping("/admin/catalog/products")
	String create(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("productForm") ProductForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(user, null, form, binding, model, response, redirect);
	}

	@GetMapping("/admin/catalog/products/{id}")
	String edit(@PathVariable long id, Model model) {
		ProductEntry product = catalog.product(id);
		model.addAttribute("productForm", ProductForm.of(product));
		return productPage(product, model);
	}

	@PostMapping("/admin/catalog/products/{id}")
	String update(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("productForm") ProductForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(user, id, form, binding, model, response, redirect);
	}

	@PostMapping("/admin/catalog/products/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		catalog.withdraw(id, user.email());
		redirect.addFlashAttribute("success", "admin.catalog.withdrawn");
		return "redirect:/admin/catalog/products/" + id;
	}

	@PostMapping("/admin/catalog/products/{id}/restore")
	String restore(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		catalog.restore(id, user.email());
		redirect.addFlashAttribute("success", "admin.catalog.restored");
		return "redirect:/admin/catalog/products/" + id;
	}

	/**
	 * The product's discount exceptions, and a reseller search to add one for a reseller.
	 */
	@GetMapping("/admin/catalog/products/{id}/discounts")
	String discounts(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		ProductEntry product = catalog.product(id);
		List<OverrideEntry> overrides = catalog.overridesOf(id);
		List<TierEntry> tiers = catalog.tiers();
		Map<Long, BigDecimal> byTier = overrides.stream()
			.filter(o -> o.tierId() != null)
			.collect(Collectors.toMap(OverrideEntry::tierId, OverrideEntry::percent));
		List<OverrideEntry> forResellers = overrides.stream().filter(o -> o.resellerId() != null).toList();
		String search = q == null ? "" : q.strip();
		model.addAttribute("product", product);
		model.addAttribute("tiers", tiers);
		model.addAttribute("tierOverrides", byTier);
		model.addAttribute("resellerOverrides", forResellers);
		model.addAttribute("resellerNames",
				resellers.byIds(forResellers.stream().map(OverrideEntry::resellerId).toList()));
		model.addAttribute("q", search);
		model.addAttribute("matches", resellers.search(search, 20));
		return "catalog/admin-discounts";
	}

	/**
	 * Sets or removes (empty percentage) one exception. An invalid percentage comes back
	 * on the same page, as typed, next to the field it was typed in.
	 */
	@PostMapping("/admin/catalog/products/{id}/discounts")
	String setDiscount(@AuthenticationPrincipal ShopUser user, @PathVariable long id, @RequestParam String target,
			@RequestParam long targetId, @Valid DiscountForm form, BindingResult binding,
			@RequestParam(required = false) String q, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failedTarget", target + "-" + targetId);
			model.addAttribute("failedValue", binding.getFieldValue("percent"));
			return discounts(id, q, model);
		}
		BigDecimal value = form.getPercent();
		boolean remove = value == null;
		if ("TIER".equals(target)) {
			catalog.setTierOverride(id, targetId, value, user.email());
		}
		else {
			catalog.setResellerOverride(id, requireReseller(targetId), value, user.email());
		}
		redirect.addFlashAttribute("success", remove ? "admin.discounts.removed" : "admin.discounts.saved");
		return "redirect:/admin/catalog/products/" + id + "/discounts";
	}

	private long requireReseller(long resellerId) {
		if (resellers.byIds(List.of(resellerId)).isEmpty()) {
			throw new it.rivendo.shared.NotFoundException("reseller " + resellerId);
		}
		return resellerId;
	}

	private String save(ShopUser user, Long id, ProductForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ProductEntry existing = id == null ? null : catalog.product(id);
		Map<IdentificationMode, Money> prices = prices(form, binding);
		renewalPrice(form, binding);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return productPage(existing, model);
		}
		NewProduct draft = new NewProduct(form.getCode(), form.getFamilyCode(),
				new LocalizedText(form.getNameIt().strip(), form.getNameEn().strip()),
				new LocalizedText(form.getDescriptionIt().strip(), strip(form.getDescriptionEn())),
				new LocalizedText(form.getInstructionsIt().strip(), strip(form.getInstructionsEn())), form.getVatRate(),
				Integer.parseInt(form.getSortOrder()), prices, form.term(), form.getRenewalPrice());
		long saved;
		try {
			saved = catalog.saveProduct(id, draft, user.email());
		}
		catch (CatalogConflictException ex) {
			binding.rejectValue(ex.field(), ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return productPage(existing, model);
		}
		redirect.addFlashAttribute("success", "admin.catalog.saved");
		return "redirect:/admin/catalog/products/" + saved;
	}

	/**
	 * The prices, by mode; an empty one is not offered. What did not read as an amount is
	 * already next to its field; a negative one joins it.
	 */
	private static Map<IdentificationMode, Money> prices(ProductForm form, BindingResult binding) {
		Map<IdentificationMode, Money> prices = new EnumMap<>(IdentificationMode.class);
		for (IdentificationMode mode : IdentificationMode.values()) {
			Money price = form.getPrices().get(mode.name());
			if (price == null) {
				continue;
			}
			if (price.isNegative()) {
				binding.rejectValue("prices[" + mode.name() + "]", "admin.catalog.priceFormat");
			}
			else {
				prices.put(mode, price);
			}
		}
		if (prices.isEmpty() && !binding.hasFieldErrors("prices*")) {
			binding.rejectValue("prices", "admin.catalog.priceRequired");
		}
		return prices;
	}

	/**
	 * The renewal price, if any: not negative, and only for a product with a term (a
	 * consumable is not renewed). What did not read as an amount is already next to the
	 * field.
	 */
	private static void renewalPrice(ProductForm form, BindingResult binding) {
		Money price = form.getRenewalPrice();
		if (price == null) {
			return;
		}
		if (price.isNegative()) {
			binding.rejectValue("renewalPrice", "admin.catalog.priceFormat");
		}
		else if (form.getTermMonths() == null && !binding.hasFieldErrors("termMonths")) {
			binding.rejectValue("renewalPrice", "admin.catalog.renewalPriceWithoutTerm");
		}
	}

	private String productPage(ProductEntry product, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("families", catalog.families());
		model.addAttribute("modes", IdentificationMode.values());
		return "catalog/admin-product";
	}

	private static String strip(String text) {
		return Objects.requireNonNullElse(text, "").strip();
	}

}
