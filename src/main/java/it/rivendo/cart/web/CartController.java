package it.rivendo.cart.web;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.TypedNumbers;
import it.rivendo.shared.web.OnRefusal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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

/**
 * The cart page and every change to it. Each change redirects back (Post/Redirect/Get).
 */
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
	 * "Acquista" in the catalog and "Attiva ora" on a product page. Only the product and
	 * the mode come from the form: the price is the server's. A mode the product does not
	 * allow goes back to the product page with the message next to the mode; a line
	 * already full goes back to the cart saying so.
	 */
	@PostMapping("/cart/items")
	@OnRefusal("/cart")
	String add(@AuthenticationPrincipal ShopUser user, @RequestParam String product,
			@RequestParam(required = false) String mode, RedirectAttributes redirect) {
		String productPage = "redirect:/products/" + UriUtils.encodePathSegment(product, "UTF-8");
		IdentificationMode chosen = parseMode(mode);
		if (chosen == null) {
			redirect.addFlashAttribute("modeError",
					mode == null || mode.isBlank() ? "cart.mode.missing" : "cart.mode.notAllowed");
			return productPage;
		}
		try {
			carts.add(user.resellerId(), product, chosen, 1);
		}
		catch (ModeNotAvailableException ex) {
			redirect.addFlashAttribute("modeError", ex.messageKey());
			redirect.addFlashAttribute("selectedMode", chosen);
			return productPage;
		}
		redirect.addFlashAttribute("success", "cart.added");
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}")
	String changeQuantity(@AuthenticationPrincipal ShopUser user, @PathVariable long lineId,
			@RequestParam(required = false) String quantity, RedirectAttributes redirect) {
		Optional<Integer> parsed = TypedNumbers.whole(quantity, 0, Integer.MAX_VALUE).map(Long::intValue);
		if (parsed.isEmpty()) {
			return quantityRefused(lineId, "cart.quantity.range", quantity, redirect);
		}
		try {
			carts.changeQuantity(user.resellerId(), lineId, parsed.get());
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
		return Arrays.stream(IdentificationMode.values()).filter(m -> m.name().equals(mode)).findFirst().orElse(null);
	}

}
