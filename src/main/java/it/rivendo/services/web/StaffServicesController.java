package it.rivendo.services.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.ServiceStateException;
import it.rivendo.services.StaffServices;
import it.rivendo.shared.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for services: search, suspend until a date, revoke; each with a reason. */
@Controller
class StaffServicesController {

	private final StaffServices services;

	StaffServicesController(StaffServices services) {
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
		model.addAttribute("service", services.view(id));
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
