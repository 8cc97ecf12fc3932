package it.rivendo.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.NotFoundException;
import it.rivendo.credit.TopUps;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for resellers: search, the whole picture of one, its tier, on and off (credit corrections: credit.web). */
@Controller
class AdminResellersController {

	private final ResellerAccounts accounts;
	private final CreditLedger ledger;
	private final TierRules tiers;
	private final OrderHistory orders;
	private final TopUps topUps;
	private final it.rivendo.audit.AuditTrail audit;
	private final it.rivendo.services.PurchasedServices services;

	AdminResellersController(ResellerAccounts accounts, CreditLedger ledger, TierRules tiers, OrderHistory orders,
			TopUps topUps, it.rivendo.audit.AuditTrail audit,
			it.rivendo.services.PurchasedServices services) {
		this.services = services;
		this.accounts = accounts;
		this.ledger = ledger;
		this.tiers = tiers;
		this.orders = orders;
		this.topUps = topUps;
		this.audit = audit;
	}

	@GetMapping("/admin/resellers")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("resellers", accounts.search(q));
		model.addAttribute("q", q == null ? "" : q);
		return "admin/resellers";
	}

	@GetMapping("/admin/resellers/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("reseller", requireReseller(id));
		model.addAttribute("tier", tiers.statusOf(id));
		model.addAttribute("tiers", tiers.tiers());
		model.addAttribute("balance", ledger.balanceOf(id));
		model.addAttribute("entries", ledger.entries(id, PageRequest.of(0, 20)));
		model.addAttribute("orders", orders.page(id, PageRequest.of(0, 10)));
		model.addAttribute("topUps", topUps.ofReseller(id));
		model.addAttribute("services", services.page(id, null, "", PageRequest.of(0, 10)));
		return "admin/reseller";
	}

	@PostMapping("/admin/resellers/{id}/tier")
	String pin(@AuthenticationPrincipal ShopUser staff, @PathVariable long id, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		requireReseller(id);
		if (tier == null || tier.isBlank()) {
			tiers.unpin(id, staff.email());
			redirect.addFlashAttribute("success", "admin.reseller.unpinned");
		}
		else if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("error", "admin.reseller.reasonRequired");
		}
		else {
			tiers.pin(id, tier, reason, staff.email());
			redirect.addFlashAttribute("success", "admin.reseller.pinned");
		}
		return "redirect:/admin/resellers/" + id;
	}

	@PostMapping("/admin/resellers/{id}/enabled")
	String enable(@AuthenticationPrincipal ShopUser staff, @PathVariable long id, @RequestParam boolean enabled,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("error", "admin.reseller.reasonRequired");
			return "redirect:/admin/resellers/" + id;
		}
		accounts.setEnabled(id, enabled);
		audit.record(it.rivendo.audit.AuditTrail.AuditRecord.of(staff.email(),
				enabled ? "RESELLER_ENABLED" : "RESELLER_DISABLED", "reseller " + id, reason.strip()));
		redirect.addFlashAttribute("success", enabled ? "admin.reseller.enabled" : "admin.reseller.disabled");
		return "redirect:/admin/resellers/" + id;
	}

	private ResellerProfile requireReseller(long id) {
		return accounts.profile(id).orElseThrow(() -> new NotFoundException("reseller " + id));
	}
}
