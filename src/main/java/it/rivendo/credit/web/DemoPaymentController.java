package it.rivendo.credit.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.credit.TopUpView;
import it.rivendo.credit.TopUps;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo card provider's page, labelled as a simulation: the reseller chooses the
 * outcome. It exists only in the {@code demo} profile, and answers 404 even there when a
 * real payment provider took the demo one's place.
 */
@Controller
@Profile("demo")
class DemoPaymentController {

	private final TopUps topUps;

	DemoPaymentController(TopUps topUps) {
		this.topUps = topUps;
	}

	@GetMapping("/account/payments/demo/{providerReference}")
	String demoPayment(@AuthenticationPrincipal ShopUser user, @PathVariable String providerReference,
			@RequestParam(required = false) String returnTo, Model model) {
		model.addAttribute("topUp", ownTopUp(user, providerReference));
		model.addAttribute("returnTo", TopUpReturn.parse(returnTo).map(TopUpReturn::param).orElse(null));
		model.addAttribute("providerReference", providerReference);
		return "credit/demo-payment";
	}

	/**
	 * The simulated outcome; a real provider calls back server to server. A top-up
	 * started from checkout goes back there (the cart is untouched), else to the credit
	 * page.
	 */
	@PostMapping("/account/payments/demo/{providerReference}")
	String demoOutcome(@AuthenticationPrincipal ShopUser user, @PathVariable String providerReference,
			@RequestParam String outcome, @RequestParam(required = false) String returnTo,
			RedirectAttributes redirect) {
		TopUpView topUp = ownTopUp(user, providerReference);
		Optional<TopUpReturn> back = TopUpReturn.parse(returnTo);
		if ("paid".equals(outcome)) {
			topUps.cardPaid(providerReference);
			redirect.addFlashAttribute("success", back.isPresent() ? "topup.card.paidReturn" : "topup.card.paid");
		}
		else {
			redirect.addFlashAttribute("error", "topup.card.abandoned");
		}
		return "redirect:" + back.map(TopUpReturn::path).orElse("/account/credit?topup=" + topUp.reference());
	}

	private TopUpView ownTopUp(ShopUser user, String providerReference) {
		if (!topUps.demoProvider()) {
			throw new NotFoundException("demo payment");
		}
		return topUps.ownedByProviderReference(user.resellerId(), providerReference);
	}

}
