package it.rivendo.topup.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.topup.TopUpRefusedException;
import it.rivendo.topup.TopUpView;
import it.rivendo.topup.TopUps;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

/** The reseller's "Ricarica credito", the bank details of a transfer, and the demo card provider's page. */
@Controller
class TopUpController {

	private final TopUps topUps;
	private final ResellerAccounts accounts;
	private final TierRules tiers;

	TopUpController(TopUps topUps, ResellerAccounts accounts, TierRules tiers) {
		this.topUps = topUps;
		this.accounts = accounts;
		this.tiers = tiers;
	}

	@GetMapping("/account/credit/top-up")
	String form(@AuthenticationPrincipal ShopUser user, Model model) {
		TopUpForm form = new TopUpForm();
		form.setMethod(it.rivendo.topup.PaymentMethod.BANK);
		model.addAttribute("topUpForm", form);
		return page(user, model);
	}

	@PostMapping("/account/credit/top-up")
	String request(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("topUpForm") TopUpForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
		try {
			TopUps.Requested requested = topUps.request(user, form.money(), form.getMethod());
			return "redirect:" + (requested.paymentUrl() != null ? requested.paymentUrl()
					: "/account/credit/top-ups/" + requested.topUp().reference());
		}
		catch (TopUpRefusedException ex) {
			binding.rejectValue("amount", ex.messageKey(), new Object[] { topUps.minimum() }, ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
	}

	@GetMapping("/account/credit/top-ups/{reference}")
	String bankDetails(@AuthenticationPrincipal ShopUser user, @PathVariable String reference, Model model) {
		model.addAttribute("topUp", topUps.ownedBy(user.resellerId(), reference));
		model.addAttribute("bank", topUps.bank());
		return "topup/bank";
	}

	@GetMapping("/account/payments/demo/{providerReference}")
	String demoPayment(@AuthenticationPrincipal ShopUser user, @PathVariable String providerReference, Model model) {
		model.addAttribute("topUp", topUps.ownedByProviderReference(user.resellerId(), providerReference));
		model.addAttribute("providerReference", providerReference);
		return "topup/demo-payment";
	}

	/** The demo provider's outcome; a real provider would call back server to server. */
	@PostMapping("/account/payments/demo/{providerReference}")
	String demoOutcome(@AuthenticationPrincipal ShopUser user, @PathVariable String providerReference,
			@RequestParam String outcome, RedirectAttributes redirect) {
		TopUpView topUp = topUps.ownedByProviderReference(user.resellerId(), providerReference);
		if ("paid".equals(outcome)) {
			topUps.cardPaid(providerReference);
			redirect.addFlashAttribute("success", "topup.card.paid");
		}
		else {
			redirect.addFlashAttribute("error", "topup.card.abandoned");
		}
		return "redirect:/account/credit?topup=" + topUp.reference();
	}

	private String page(ShopUser user, Model model) {
		model.addAttribute("billing", accounts.profile(user.resellerId()).orElseThrow().billing());
		model.addAttribute("minimum", topUps.minimum());
		model.addAttribute("tier", tiers.statusOf(user.resellerId()));
		model.addAttribute("demoProvider", topUps.demoProvider());
		return "topup/top-up";
	}
}
