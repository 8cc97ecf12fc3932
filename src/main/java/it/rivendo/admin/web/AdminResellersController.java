package it.rivendo.admin.web;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.catalog.TierRules;
import it.rivendo.catalog.TierStatus;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.TopUps;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.Team;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.services.PurchasedServices;
import it.rivendo.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
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

/**
 * Staff pages for resellers: search, the whole picture of one, its tier, on and off
 * (credit corrections: credit.web). A missing reason comes back next to its field on the
 * reseller's page.
 */
@Controller
class AdminResellersController {

	private final ResellerAccounts accounts;

	private final CreditLedger ledger;

	private final TierRules tiers;

	private final OrderHistory orders;

	private final TopUps topUps;

	private final AuditTrail audit;

	private final PurchasedServices services;

	private final Team team;

	AdminResellersController(ResellerAccounts accounts, CreditLedger ledger, TierRules tiers, OrderHistory orders,
			TopUps topUps, AuditTrail audit, PurchasedServices services, Team team) {
		this.team = team;
		this.accounts = accounts;
		this.ledger = ledger;
		this.tiers = tiers;
		this.orders = orders;
		this.topUps = topUps;
		this.audit = audit;
		this.services = services;
	}

	@GetMapping("/admin/resellers")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("resellers", accounts.search(q));
		model.addAttribute("q", q == null ? "" : q);
		return "admin/resellers";
	}

	@GetMapping("/admin/resellers/{id}")
	String detail(@PathVariable long id, Model model) {
		ResellerProfile reseller = requireReseller(id);
		TierStatus tier = tiers.statusOf(id);
		model.addAttribute("reseller", reseller);
		if (!model.containsAttribute("pinForm")) {
			model.addAttribute("pinForm", new PinTierForm(tier.pinned() ? tier.code() : ""));
		}
		if (!model.containsAttribute("enableForm")) {
			model.addAttribute("enableForm", new EnableForm());
		}
		model.addAttribute("tier", tier);
		model.addAttribute("tiers", tiers.tiers());
		model.addAttribute("balance", ledger.balanceOf(id));
		model.addAttribute("entries", ledger.entries(id, PageRequest.of(0, 20)));
		model.addAttribute("orders", orders.page(id, PageRequest.of(0, 10)));
		model.addAttribute("members", team.members(id));
		model.addAttribute("topUps", topUps.ofReseller(id));
		model.addAttribute("services", services.page(id, null, "", PageRequest.of(0, 10)));
		return "admin/reseller";
	}

	/**
	 * A tier fixed by hand needs its reason; no tier lets the reseller follow its top-ups
	 * again.
	 */
	@PostMapping("/admin/resellers/{id}/tier")
	String pin(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@Valid @ModelAttribute("pinForm") PinTierForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireReseller(id);
		if (form.pins() && (form.getReason() == null || form.getReason().isBlank())) {
			binding.rejectValue("reason", "admin.reseller.reasonRequired");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(id, model);
		}
		if (form.pins()) {
			tiers.pin(id, form.getTier(), form.getReason(), staff.email());
			redirect.addFlashAttribute("success", "admin.reseller.pinned");
		}
		else {
			tiers.unpin(id, staff.email());
			redirect.addFlashAttribute("success", "admin.reseller.unpinned");
		}
		return "redirect:/admin/resellers/" + id;
	}

	@PostMapping("/admin/resellers/{id}/enabled")
	String enable(@AuthenticationPrincipal ShopUser staff, @PathVariable long id, @RequestParam boolean enabled,
			@Valid @ModelAttribute("enableForm") EnableForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireReseller(id);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(id, model);
		}
		accounts.setEnabled(id, enabled);
		audit.record(AuditRecord.of(staff.email(), enabled ? "RESELLER_ENABLED" : "RESELLER_DISABLED", "reseller " + id,
				form.getReason().strip()));
		redirect.addFlashAttribute("success", enabled ? "admin.reseller.enabled" : "admin.reseller.disabled");
		return "redirect:/admin/resellers/" + id;
	}

	private ResellerProfile requireReseller(long id) {
		return accounts.profile(id).orElseThrow(() -> new NotFoundException("reseller " + id));
	}

}
