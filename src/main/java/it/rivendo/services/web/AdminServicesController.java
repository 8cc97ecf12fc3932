package it.rivendo.services.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.ExpiringFilter;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.Formats;
import it.rivendo.shared.web.OnRefusal;
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
 * Staff pages for services: search, suspend until a date, revoke, each with a reason;
 * and, without an identification provider, confirm or refuse (with a reason) the
 * identification of a service "in verifica". What is missing or malformed comes back next
 * to its field (422); a decision the service's state no longer allows answers 409.
 */
@Controller
class AdminServicesController {

	private final ServiceAdministration services;

	AdminServicesController(ServiceAdministration services) {
		this.services = services;
	}

	@GetMapping("/admin/services")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("services",
				services.search(CustomerAreaController.parseStatus(status), q, PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("due", null);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("statuses", ServiceStatus.values());
		return "services/admin-services";
	}

	/**
	 * The renewals due: running services whose term ends within 30, 60 or 90 days
	 * (anything else reads as 30), soonest first, linked from the dashboard.
	 */
	@GetMapping("/admin/services/due")
	String due(@RequestParam(required = false) String days, @RequestParam(defaultValue = "0") int page, Model model) {
		// what the page does not offer (a word, a number out of range) reads as 30
		int within = ExpiringFilter.within(days != null && days.matches("\\d{1,3}") ? Integer.parseInt(days) : 0)
			.days();
		model.addAttribute("services", services.dueWithin(within, PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("due", within);
		model.addAttribute("q", "");
		model.addAttribute("status", "");
		model.addAttribute("statuses", ServiceStatus.values());
		return "services/admin-services";
	}

	@GetMapping("/admin/services/{id}")
	String detail(@PathVariable long id, Model model) {
		return page(id, model);
	}

	/**
	 * The end customer was identified with the trust service provider: the service
	 * becomes active.
	 */
	@PostMapping("/admin/services/{id}/identification/confirm")
	String confirmIdentification(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("confirmForm") IdentityConfirmForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(id, model, response);
		}
		services.confirmIdentification(id, form.getProviderReference(), user.email());
		redirect.addFlashAttribute("success", "admin.identity.confirmed");
		return "redirect:/admin/services/" + id;
	}

	/** The identification could not be confirmed: the reseller is told why. */
	@PostMapping("/admin/services/{id}/identification/refuse")
	String refuseIdentification(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("refuseForm") ReasonForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(id, model, response);
		}
		services.refuseIdentification(id, form.getReason(), user.email());
		redirect.addFlashAttribute("success", "admin.identity.refused");
		return "redirect:/admin/services/" + id;
	}

	@PostMapping("/admin/services/{id}/suspend")
	@OnRefusal("/admin/services/{id}")
	String suspend(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("suspendForm") SuspendForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(id, model, response);
		}
		services.suspend(id, form.getUntil().atStartOfDay(Formats.SHOP_ZONE).toInstant(), form.getReason(),
				user.email());
		redirect.addFlashAttribute("success", "admin.service.suspended");
		return "redirect:/admin/services/" + id;
	}

	@PostMapping("/admin/services/{id}/revoke")
	@OnRefusal("/admin/services/{id}")
	String revoke(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("revokeForm") ReasonForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(id, model, response);
		}
		services.revoke(id, form.getReason(), user.email());
		redirect.addFlashAttribute("success", "admin.service.revoked");
		return "redirect:/admin/services/" + id;
	}

	private String invalid(long id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(id, model);
	}

	/** The service page, with each form as posted (and its errors) or empty. */
	private String page(long id, Model model) {
		model.addAttribute("service", services.view(id));
		model.addAttribute("identityCheck", services.identityCheck(id).orElse(null));
		model.addAttribute("history", services.history(id));
		if (!model.containsAttribute("confirmForm")) {
			model.addAttribute("confirmForm", new IdentityConfirmForm());
		}
		if (!model.containsAttribute("refuseForm")) {
			model.addAttribute("refuseForm", new ReasonForm());
		}
		if (!model.containsAttribute("suspendForm")) {
			model.addAttribute("suspendForm", new SuspendForm());
		}
		if (!model.containsAttribute("revokeForm")) {
			model.addAttribute("revokeForm", new ReasonForm());
		}
		return "services/admin-service";
	}

}
