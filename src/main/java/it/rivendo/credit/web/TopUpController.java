package it.rivendo.credit.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Refusal;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
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

/**
 * The reseller's "Ricarica credito" and the bank details of a transfer. Card top-ups are
 * offered only when there is a payment provider.
 */
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
		form.setMethod(PaymentMethod.BANK);
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
			TopUps.Requested requested = topUps.request(user, form.getAmount(), form.getMethod());
			return "redirect:" + (requested.paymentUrl() != null ? requested.paymentUrl()
					: "/account/credit/top-ups/" + requested.topUp().reference());
		}
		catch (Refusal ex) { // said next to the field it is about
			binding.rejectValue(ex.messageKey().equals("topup.error.cardUnavailable") ? "method" : "amount",
					ex.messageKey(), ex.arguments(), ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
	}

	@GetMapping("/account/credit/top-ups/{reference}")
	String bankDetails(@AuthenticationPrincipal ShopUser user, @PathVariable String reference, Model model) {
		model.addAttribute("topUp", topUps.ownedBy(user.resellerId(), reference));
		model.addAttribute("bank", topUps.bank());
		return "credit/bank";
	}

	private String page(ShopUser user, Model model) {
		model.addAttribute("billing", accounts.profile(user.resellerId()).orElseThrow().billing());
		model.addAttribute("minimum", topUps.minimum());
		model.addAttribute("tier", tiers.statusOf(user.resellerId()));
		model.addAttribute("cardOffered", topUps.cardOffered());
		model.addAttribute("demoProvider", topUps.demoProvider());
		return "credit/top-up";
	}

}
