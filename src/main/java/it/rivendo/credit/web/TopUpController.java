package it.rivendo.credit.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Refusal;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUps;
import it.rivendo.shared.Money;
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

	/**
	 * The form; from the cart or checkout ({@code amount} what is missing,
	 * {@code returnTo=checkout}) pre-filled with the missing amount, at least the
	 * minimum.
	 */
	@GetMapping("/account/credit/top-up")
	String form(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String returnTo, Model model) {
		TopUpForm form = new TopUpForm();
		form.setMethod(PaymentMethod.BANK);
		Money.parse(amount)
			.filter(Money::isPositive)
			.ifPresent(missing -> form.setAmount(missing.isLessThan(topUps.minimum()) ? topUps.minimum() : missing));
		TopUpReturn.parse(returnTo).ifPresent(target -> form.setReturnTo(target.param()));
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
			String back = TopUpReturn.parse(form.getReturnTo()).map(target -> "?returnTo=" + target.param()).orElse("");
			return "redirect:" + (requested.paymentUrl() != null ? requested.paymentUrl()
					: "/account/credit/top-ups/" + requested.topUp().reference()) + back;
		}
		catch (Refusal ex) { // said next to the field it is about
			binding.rejectValue(ex.messageKey().equals("topup.error.cardUnavailable") ? "method" : "amount",
					ex.messageKey(), ex.arguments(), ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
	}

	@GetMapping("/account/credit/top-ups/{reference}")
	String bankDetails(@AuthenticationPrincipal ShopUser user, @PathVariable String reference,
			@RequestParam(required = false) String returnTo, Model model) {
		model.addAttribute("topUp", topUps.ownedBy(user.resellerId(), reference));
		model.addAttribute("returnTo", TopUpReturn.parse(returnTo).map(TopUpReturn::path).orElse(null));
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
