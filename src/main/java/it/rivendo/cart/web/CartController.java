package it.rivendo.cart.web;

import it.rivendo.cart.CartService;
import it.rivendo.cart.QuantityOutOfRangeException;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.TypedNumbers;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The cart page and every change to it. Each change redirects back (Post/Redirect/Get). */
@Controller
class CartController {

	private final CartService carts;

	CartController(CartService carts) {
		this.carts = carts;
	}

	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/cart")
	String cart(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("cart", carts.view(user.resellerId()));
		return "cart/cart";
	}

	/**
	 * "Acquista" in the catalog and "Attiva ora" on a product page. Only the product and the mode come from the form:
	 * the price is the server's. A mode the product does not allow goes back to the product page with a message.
	 */
	@PostMapping("/cart/items")
	String add(@AuthenticationPrincipal ShopUser user, @RequestParam String product,
			@RequestParam(required = false) String mode, RedirectAttributes redirect) {
		String productPage = "redirect:/products/" + UriUtils.encodePathSegment(product, "UTF-8");
		IdentificationMode chosen = parseMode(mode);
		if (chosen == null) {
			redirect.addFlashAttribute("modeError", mode == null || mode.isBlank() ? "cart.mode.missing"
					: "cart.mode.notAllowed");
			return productPage;
		}
		try {
			carts.add(user.resellerId(), product, chosen, 1);
		}
		catch (ModeNotAvailableException ex) {
			redirect.addFlashAttribute("modeError", "cart.mode.notAllowed");
			redirect.addFlashAttribute("selectedMode", chosen);
			return productPage;
		}
		catch (QuantityOutOfRangeException ex) {
			redirect.addFlashAttribute("error", "cart.quantity.full");
			return "redirect:/cart";
		}
		redirect.addFlashAttribute("success", "cart.added");
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}")
	String changeQuantity(@AuthenticationPrincipal ShopUser user, @PathVariable long lineId,
			@RequestParam(required = false) String quantity, RedirectAttributes redirect) {
		Integer parsed = parseQuantity(quantity);
		try {
			if (parsed == null) {
				throw new QuantityOutOfRangeException(0);
			}
			carts.changeQuantity(user.resellerId(), lineId, parsed);
			redirect.addFlashAttribute("success", "cart.updated");
		}
		catch (QuantityOutOfRangeException ex) {
			redirect.addFlashAttribute("lineErrors", Map.of(lineId, "cart.quantity.range"));
			redirect.addFlashAttribute("typedQuantities", Map.of(lineId, quantity == null ? "" : quantity));
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}/delete")
	String remove(@AuthenticationPrincipal ShopUser user, @PathVariable long lineId, RedirectAttributes redirect) {
		carts.remove(user.resellerId(), lineId);
		redirect.addFlashAttribute("success", "cart.removed");
		return "redirect:/cart";
	}

	@PostMapping("/cart/acknowledge-prices")
	String acknowledgePrices(@AuthenticationPrincipal ShopUser user) {
		carts.acknowledgePrices(user.resellerId());
		return "redirect:/cart";
	}

	private static IdentificationMode parseMode(String mode) {
		if (mode == null) {
			return null;
		}
		try {
			return IdentificationMode.valueOf(mode);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Integer parseQuantity(String quantity) {
		return TypedNumbers.whole(quantity, 0, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
	}
}
