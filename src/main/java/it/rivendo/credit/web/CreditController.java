package it.rivendo.credit.web;

import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reseller's balance and its movements, newest first. */
@Controller
class CreditController {

	private final CreditLedger ledger;

	CreditController(CreditLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/account/credit")
	String credit(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("balance", ledger.balanceOf(user.resellerId()));
		model.addAttribute("entries", ledger.entries(user.resellerId(), PageRequest.of(Math.max(page, 0), 25)));
		return "credit/credit";
	}
}
