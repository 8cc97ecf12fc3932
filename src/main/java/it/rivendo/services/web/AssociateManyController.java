package it.rivendo.services.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.services.Association;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.ServiceView;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Associa più servizi": tick several services still to associate and paste the e-mail
 * addresses, one per line in the same order; each address is checked as on "Associa", and
 * all are associated (and their links sent) or none.
 */
@Controller
class AssociateManyController {

	/** The most services the page lists at once. */
	static final int LISTED = 200;

	private final PurchasedServices services;

	private final Validator validator;

	private final Team team;

	AssociateManyController(PurchasedServices services, Validator validator, Team team) {
		this.services = services;
		this.validator = validator;
		this.team = team;
	}

	@GetMapping("/account/services/associate-many")
	String show(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("associateManyForm", new AssociateManyForm());
		return page(user, model);
	}

	@PostMapping("/account/services/associate-many")
	@OnRefusal("/account/services/associate-many")
	String associate(@AuthenticationPrincipal ShopUser user,
			@Valid @ModelAttribute("associateManyForm") AssociateManyForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Set<Long> chosen = new LinkedHashSet<>(form.getServiceIds());
		// a teammate's service, for an Operatore who sees only its own: not found
		services.requireVisible(user.resellerId(), team.servicesOnlyOf(user), chosen);
		List<String> emails = form.emailLines();
		if (chosen.isEmpty()) {
			binding.rejectValue("serviceIds", "associate.many.none");
		}
		if (emails.isEmpty()) {
			binding.rejectValue("emails", "validation.required");
		}
		else if (!chosen.isEmpty() && emails.size() != chosen.size()) {
			binding.rejectValue("emails", "associate.many.count", new Object[] { chosen.size(), emails.size() }, null);
		}
		else {
			for (int i = 0; i < emails.size(); i++) {
				// the rules of "Associa", one address at a time
				for (ConstraintViolation<AssociateForm> violation : validator.validateValue(AssociateForm.class,
						"email", emails.get(i))) {
					binding.rejectValue("emails", "associate.many.invalid",
							new Object[] { i + 1, emails.get(i), violation.getMessage() }, null);
				}
			}
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
		List<Association> associations = new ArrayList<>();
		int i = 0;
		for (long serviceId : chosen) {
			associations.add(new Association(serviceId, emails.get(i++), null));
		}
		services.associateAll(user.resellerId(), associations, user.email());
		redirect.addFlashAttribute("success", "associate.many.done");
		return "redirect:/account/services?status=ASSOCIATED";
	}

	private String page(ShopUser user, Model model) {
		List<ServiceView> open = services
			.page(user.resellerId(), team.servicesOnlyOf(user), ServiceStatus.NOT_ASSOCIATED, "",
					PageRequest.of(0, LISTED))
			.getContent();
		model.addAttribute("open", open);
		return "services/associate-many";
	}

}
