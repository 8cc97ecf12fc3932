package it.rivendo.services.web;

import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.ServiceView;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer area: "I tuoi servizi" with the balance, a service's detail, "Associa",
 * re-sending the link, "Rinnova" (one or the selected ones, also from "In scadenza") and
 * "Rinnovo automatico".
 */
@Controller
class CustomerAreaController {

	static final int PAGE_SIZE = 20;

	private final PurchasedServices services;

	private final CreditLedger credit;

	private final it.rivendo.catalog.TierRules tiers;

	private final Clock clock;

	private final Team team;

	CustomerAreaController(PurchasedServices services, CreditLedger credit, it.rivendo.catalog.TierRules tiers,
			Clock clock, Team team) {
		this.services = services;
		this.credit = credit;
		this.tiers = tiers;
		this.clock = clock;
		this.team = team;
	}

	@GetMapping("/account")
	String account() {
		return "redirect:/account/services";
	}

	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/account/services")
	String list(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(name = "user", required = false) Long placedBy,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ServiceStatus filter = parseStatus(status);
		String search = q == null ? "" : q.strip();
		Instant now = clock.instant();
		// an Operatore who sees only its own services; the Titolare may pick a user
		Long onlyOf = team.servicesOnlyOf(user);
		Long userFilter = onlyOf != null ? onlyOf : user.isOwner() ? placedBy : null;
		Page<ServiceView> found = services.page(user.resellerId(), userFilter, filter, search,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("names", team.names(user.resellerId()));
		if (user.isOwner()) {
			model.addAttribute("members", team.members(user.resellerId()));
			model.addAttribute("userFilter", userFilter);
		}
		model.addAttribute("services", found);
		model.addAttribute("anyRenewable", found.stream().anyMatch(service -> service.canRenew(now)));
		model.addAttribute("balance", credit.balanceOf(user.resellerId()));
		model.addAttribute("tier", tiers.statusOf(user.resellerId()));
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("q", search);
		model.addAttribute("now", now);
		return "services/services";
	}

	@GetMapping("/account/services/{id}")
	String detail(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		requireVisible(user, id);
		model.addAttribute("service", services.view(user.resellerId(), id));
		model.addAttribute("history", services.history(user.resellerId(), id));
		model.addAttribute("now", clock.instant());
		return "services/service";
	}

	@GetMapping("/account/services/{id}/associate")
	String associateForm(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		requireVisible(user, id);
		ServiceView service = services.view(user.resellerId(), id);
		AssociateForm form = new AssociateForm();
		form.setEmail(service.customerEmail());
		form.setName(service.customerName());
		model.addAttribute("associateForm", form);
		return associatePage(service, model);
	}

	@PostMapping("/account/services/{id}/associate")
	String associate(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("associateForm") AssociateForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireVisible(user, id);
		ServiceView service = services.view(user.resellerId(), id);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return associatePage(service, model);
		}
		services.associate(user.resellerId(), id, form.getEmail(), form.getName(), user.email());
		redirect.addFlashAttribute("success", "associate.done");
		return "redirect:/account/services/" + id;
	}

	@PostMapping("/account/services/{id}/resend")
	@OnRefusal("/account/services/{id}")
	String resend(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		requireVisible(user, id);
		services.resendLink(user.resellerId(), id, user.email());
		redirect.addFlashAttribute("success", "associate.resent");
		return "redirect:/account/services/" + id;
	}

	/** "Rinnova" on a service: its renewal goes into the cart. */
	@PostMapping("/account/services/{id}/renew")
	@OnRefusal("/account/services/{id}")
	String renew(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		requireVisible(user, id);
		services.addRenewalsToCart(user, List.of(id));
		redirect.addFlashAttribute("success", "services.renew.added");
		return "redirect:/cart";
	}

	/** "Rinnova i selezionati" on the services list: each one's renewal into the cart. */
	@PostMapping("/account/services/renew")
	@OnRefusal("/account/services")
	String renewSelected(@AuthenticationPrincipal ShopUser user,
			@RequestParam(name = "service", required = false) List<Long> selected, RedirectAttributes redirect) {
		if (selected == null || selected.isEmpty()) {
			redirect.addFlashAttribute("error", "services.renew.noneSelected");
			return "redirect:/account/services";
		}
		requireVisible(user, selected);
		services.addRenewalsToCart(user, selected);
		redirect.addFlashAttribute("success", "services.renew.addedMany");
		return "redirect:/cart";
	}

	/**
	 * "Rinnova i selezionati" on "In scadenza": each selected service's renewal into the
	 * cart, or none when one of them cannot be renewed now; then back to the same filter
	 * and page, the refused ones marked with the reason and the selection kept.
	 */
	@PostMapping("/account/services/expiring/renew")
	String renewExpiring(@AuthenticationPrincipal ShopUser user,
			@RequestParam(name = "service", required = false) List<Long> selected,
			@ModelAttribute("filter") ExpiringForm filter, @RequestParam(defaultValue = "0") int page,
			RedirectAttributes redirect) {
		String back = "redirect:/account/services/expiring" + filter.toQuery() + "&page=" + Math.max(page, 0);
		if (selected == null || selected.isEmpty()) {
			redirect.addFlashAttribute("error", "services.renew.noneSelected");
			return back;
		}
		requireVisible(user, selected);
		Map<Long, String> refusals = services.renewalRefusals(user.resellerId(), selected);
		try {
			if (refusals.isEmpty()) {
				services.addRenewalsToCart(user, selected);
				redirect.addFlashAttribute("success", "services.renew.addedMany");
				return "redirect:/cart";
			}
			redirect.addFlashAttribute("error", "services.expiring.renewRefused");
			redirect.addFlashAttribute("errorArguments", new Object[] { refusals.size() });
		}
		catch (Refusal refusal) { // its product withdrawn meanwhile: nothing was added
			redirect.addFlashAttribute("error", refusal.messageKey());
			redirect.addFlashAttribute("errorArguments", refusal.arguments());
		}
		redirect.addFlashAttribute("renewRefusals", refusals);
		redirect.addFlashAttribute("selected", selected);
		return back;
	}

	/** "Rinnovo automatico" on or off. */
	@PostMapping("/account/services/{id}/auto-renew")
	@OnRefusal("/account/services/{id}")
	String autoRenew(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean on, RedirectAttributes redirect) {
		requireVisible(user, id);
		services.changeAutoRenew(user.resellerId(), id, on, user.email());
		redirect.addFlashAttribute("success", on ? "services.autoRenew.enabled" : "services.autoRenew.disabled");
		return "redirect:/account/services/" + id;
	}

	/**
	 * A service of another user, for an Operatore who sees only its own: as if it did not
	 * exist.
	 */
	private void requireVisible(ShopUser user, long id) {
		requireVisible(user, List.of(id));
	}

	private void requireVisible(ShopUser user, List<Long> ids) {
		services.requireVisible(user.resellerId(), team.servicesOnlyOf(user), ids);
	}

	private String associatePage(ServiceView service, Model model) {
		model.addAttribute("service", service);
		return "services/associate";
	}

	/** The status a filter names, or none (all statuses) for an empty or unknown one. */
	static ServiceStatus parseStatus(String status) {
		return Arrays.stream(ServiceStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
	}

}
