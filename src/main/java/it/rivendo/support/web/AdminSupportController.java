package it.rivendo.support.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.web.OnRefusal;
import it.rivendo.support.SupportDesk;
import it.rivendo.support.SupportStatus;
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
 * Staff read support requests, filter them by status, answer them (the answer is
 * e-mailed) and close them.
 */
@Controller
class AdminSupportController {

	static final int PAGE_SIZE = 30;

	private final SupportDesk desk;

	AdminSupportController(SupportDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/admin/support")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		SupportStatus filter = SupportStatus.parse(status);
		model.addAttribute("requests", desk.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("statuses", SupportStatus.values());
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("pageLink", "/admin/support?status=" + (filter == null ? "" : filter.name()) + "&page=");
		return "support/admin-requests";
	}

	@GetMapping("/admin/support/{id}")
	String detail(@PathVariable long id, Model model) {
		if (!model.containsAttribute("answerForm")) {
			model.addAttribute("answerForm", new AnswerForm());
		}
		model.addAttribute("request", desk.view(id));
		return "support/admin-request";
	}

	/** A closed request takes no answer: back to the request, saying so. */
	@PostMapping("/admin/support/{id}/answer")
	@OnRefusal("/admin/support/{id}")
	String answer(@AuthenticationPrincipal ShopUser user, @PathVariable long id,
			@Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(id, model);
		}
		desk.answer(id, form.getBody(), user.email());
		redirect.addFlashAttribute("success", "support.answered");
		return "redirect:/admin/support/" + id;
	}

	@PostMapping("/admin/support/{id}/close")
	String close(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		desk.close(id, user.email());
		redirect.addFlashAttribute("success", "support.closed");
		return "redirect:/admin/support/" + id;
	}

}
