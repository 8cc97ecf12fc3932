package it.rivendo.cart.web;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.cart.internal.Cart;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.TypedNumbers;
import it.rivendo.shared.web.OnRefusal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The cart page and every change to it. Each change redirects back (Post/Redirect/Get).
 */
@Controller
class CartController {

	private final CartService carts;

	private final CreditLedger credit;

	CartController(CartService carts, CreditLedger credit) {
		this.carts = carts;
		this.credit = credit;
	}

	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/cart")
	String cart(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("cart", carts.view(user));
		model.addAttribute("balance", credit.balanceOf(user.resellerId()));
		return "cart/cart";
	}

	/**
	 * "Acquista" in the catalog and "Attiva ora" on a product page. Only the product, the
	 * mode and the quantity come from the form: the price is the server's. From the
	 * catalog ({@code from=catalog}), a missing or refused mode or quantity goes back to
	 * the same catalog page (its search, family and page number) with the message next to
	 * the product's field and what was chosen kept; from a product page, a mode the
	 * product does not allow goes back to it with the message next to the mode, and a
	 * line already full goes back to the cart saying so.
	 */
	@PostMapping("/cart/items")
	@OnRefusal("/cart")
	String add(@AuthenticationPrincipal ShopUser user, @RequestParam String product,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String quantity,
			@RequestParam(required = false) String from, @RequestParam(required = false) String q,
			@RequestParam(required = false) String family, @RequestParam(required = false) String page,
			RedirectAttributes redirect) {
		boolean fromCatalog = "catalog".equals(from);
		IdentificationMode chosen = parseMode(mode);
		String modeProblem = chosen != null ? null
				: mode == null || mode.isBlank() ? "cart.mode.missing" : "cart.mode.notAllowed";
		Optional<Integer> units = quantity == null ? Optional.of(1)
				: TypedNumbers.whole(quantity, 1, Cart.MAX_QUANTITY).map(Long::intValue);
		if (fromCatalog && (modeProblem != null || units.isEmpty())) {
			return backToCatalog(product, modeProblem != null ? "mode" : "quantity",
					modeProblem != null ? modeProblem : "cart.quantity.range", mode, quantity, q, family, page,
					redirect);
		}
		String productPage = "redirect:/products/" + UriUtils.encodePathSegment(product, "UTF-8");
		if (modeProblem != null) {
			redirect.addFlashAttribute("modeError", modeProblem);
			return productPage;
		}
		try {
			carts.add(user, product, chosen, units.orElse(1));
		}
		catch (ModeNotAvailableException ex) {
			if (fromCatalog) {
				return backToCatalog(product, "mode", ex.messageKey(), mode, quantity, q, family, page, redirect);
			}
			redirect.addFlashAttribute("modeError", ex.messageKey());
			redirect.addFlashAttribute("selectedMode", chosen);
			return productPage;
		}
		catch (Refusal ex) {
			if (fromCatalog) {
				return backToCatalog(product, "quantity", ex.messageKey(), mode, quantity, q, family, page, redirect);
			}
			throw ex;
		}
		redirect.addFlashAttribute("success", "cart.added");
		return "redirect:/cart";
	}

	/**
	 * Back to the catalog page the form was on, scrolled to the product, with the message
	 * next to its field and the mode and quantity as they were chosen. The page is built
	 * here from the filters, never taken from the form: no redirect leaves the shop.
	 */
	private static String backToCatalog(String product, String field, String messageKey, @Nullable String mode,
			@Nullable String quantity, @Nullable String q, @Nullable String family, @Nullable String page,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("buyError", Map.of("product", product, "field", field, "message", messageKey, "mode",
				mode == null ? "" : mode, "quantity", quantity == null ? "" : quantity));
		UriComponentsBuilder catalog = UriComponentsBuilder.fromPath("/catalog");
		if (q != null && !q.isBlank()) {
			catalog.queryParam("q", q);
		}
		if (family != null && !family.isBlank()) {
			catalog.queryParam("family", family);
		}
		TypedNumbers.whole(page, 1, Integer.MAX_VALUE).ifPresent(number -> catalog.queryParam("page", number));
		return "redirect:" + catalog.fragment("product-" + product).encode().build().toUriString();
	}

	@PostMapping("/cart/lines/{lineId}")
	String changeQuantity(@AuthenticationPrincipal ShopUser user, @PathVariable long lineId,
			@RequestParam(required = false) String quantity, RedirectAttributes redirect) {
		Optional<Integer> parsed = TypedNumbers.whole(quantity, 0, Integer.MAX_VALUE).map(Long::intValue);
		if (parsed.isEmpty()) {
			return quantityRefused(lineId, "cart.quantity.range", quantity, redirect);
		}
		try {
			carts.changeQuantity(user, lineId, parsed.get());
		}
		catch (Refusal ex) {
			return quantityRefused(lineId, ex.messageKey(), quantity, redirect);
		}
		redirect.addFlashAttribute("success", "cart.updated");
		return "redirect:/cart";
	}

	/** The message next to the line's quantity, which shows what was typed. */
	private static String quantityRefused(long lineId, String messageKey, String typed, RedirectAttributes redirect) {
		redirect.addFlashAttribute("lineErrors", Map.of(lineId, messageKey));
		redirect.addFlashAttribute("typedQuantities", Map.of(lineId, typed == null ? "" : typed));
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}/delete")
	String remove(@AuthenticationPrincipal ShopUser user, @PathVariable long lineId, RedirectAttributes redirect) {
		carts.remove(user, lineId);
		redirect.addFlashAttribute("success", "cart.removed");
		return "redirect:/cart";
	}

	@PostMapping("/cart/acknowledge-prices")
	String acknowledgePrices(@AuthenticationPrincipal ShopUser user) {
		carts.acknowledgePrices(user);
		return "redirect:/cart";
	}

	private static IdentificationMode parseMode(String mode) {
		return Arrays.stream(IdentificationMode.values()).filter(m -> m.name().equals(mode)).findFirst().orElse(null);
	}

}
