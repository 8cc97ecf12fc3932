package it.rivendo.credit.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.credit.TopUps;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reseller's balance, tier, top-ups and ledger movements, newest first. */
@Controller
class CreditController {

	private final CreditLedger ledger;

	private final TopUps topUps;

	private final TierRules tiers;

	CreditController(CreditLedger ledger, TopUps topUps, TierRules tiers) {
		this.ledger = ledger;
		this.topUps = topUps;
		this.tiers = tiers;
	}

	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/account/credit")
	String credit(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("balance", ledger.balanceOf(user.resellerId()));
		model.addAttribute("tier", tiers.statusOf(user.resellerId()));
		model.addAttribute("topUps", topUps.ofReseller(user.resellerId()));
		model.addAttribute("entries", ledger.entries(user.resellerId(), PageRequest.of(Math.max(page, 0), 25)));
		return "credit/credit";
	}

}
