package it.rivendo.services.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.ServiceStateException;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.shared.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * Staff pages for services: search, suspend until a date, revoke, each with a reason; and, without an identification
 * provider, confirm or refuse (with a reason) the identification of a service "in verifica".
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
		model.addAttribute("services", services.search(CustomerAreaController.parseStatus(status), q,
				PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("statuses", it.rivendo.services.ServiceStatus.values());
		return "services/admin-services";
	}

	@GetMapping("/admin/services/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("confirmForm", new IdentityConfirmForm());
		model.addAttribute("refuseForm", new IdentityRefuseForm());
		return page(id, model);
	}

	/** The end customer was identified with the trust service provider: the service becomes active. */
	@PostMapping("/admin/services/{id}/identification/confirm")
	String confirmIdentification(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("confirmForm") IdentityConfirmForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("refuseForm", new IdentityRefuseForm());
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(id, model);
		}
		try {
			services.confirmIdentification(id, form.getProviderReference(), user.email());
		}
		catch (ServiceStateException ex) {
			return conflict(id, ex, model, response);
		}
		redirect.addFlashAttribute("success", "admin.identity.confirmed");
		return "redirect:/admin/services/" + id;
	}

	/** The identification could not be confirmed: the reseller is told why. */
	@PostMapping("/admin/services/{id}/identification/refuse")
	String refuseIdentification(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("refuseForm") IdentityRefuseForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("confirmForm", new IdentityConfirmForm());
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(id, model);
		}
		try {
			services.refuseIdentification(id, form.getReason(), user.email());
		}
		catch (ServiceStateException ex) {
			return conflict(id, ex, model, response);
		}
		redirect.addFlashAttribute("success", "admin.identity.refused");
		return "redirect:/admin/services/" + id;
	}

	private String conflict(long id, ServiceStateException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("error", ex.messageKey());
		return page(id, model);
	}

	private String page(long id, Model model) {
		model.addAttribute("service", services.view(id));
		model.addAttribute("identityCheck", services.identityCheck(id).orElse(null));
		model.addAttribute("history", services.history(id));
		return "services/admin-service";
	}

	@PostMapping("/admin/services/{id}/suspend")
	String suspend(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@RequestParam(required = false) String until, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			LocalDate end = LocalDate.parse(until == null ? "" : until);
			services.suspend(id, end.atStartOfDay(Formats.SHOP_ZONE).toInstant(), reason, user.email());
			redirect.addFlashAttribute("success", "admin.service.suspended");
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("error", "admin.service.untilInvalid");
		}
		catch (ServiceStateException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/services/" + id;
	}

	@PostMapping("/admin/services/{id}/revoke")
	String revoke(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			services.revoke(id, reason, user.email());
			redirect.addFlashAttribute("success", "admin.service.revoked");
		}
		catch (ServiceStateException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/services/" + id;
	}
}
