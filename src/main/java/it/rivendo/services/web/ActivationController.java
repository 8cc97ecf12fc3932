package it.rivendo.services.web;

import it.rivendo.services.Activation;
import it.rivendo.services.ActivationLinkException;
import it.rivendo.services.ActivationPage;
import it.rivendo.services.ServiceStateException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The end customer's activation, without login: the link's GET only shows, the POST uses it up. Also the demo
 * identification provider's page, labelled as a simulation.
 */
@Controller
class ActivationController {

	private final Activation activation;

	ActivationController(Activation activation) {
		this.activation = activation;
	}

	@GetMapping("/activate/{token}")
	String open(@PathVariable String token, Model model) {
		model.addAttribute("activationForm", new ActivationForm());
		return page(token, activation.open(token), model);
	}

	@PostMapping("/activate/{token}")
	String start(@PathVariable String token, @Valid @ModelAttribute("activationForm") ActivationForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		ActivationPage page = activation.open(token);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(token, page, model);
		}
		try {
			return "redirect:" + activation.start(token, form.toEndCustomer());
		}
		catch (ServiceStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.messageKey());
			return page(token, page, model);
		}
	}

	@GetMapping("/identification/demo/{reference}")
	String demoIdentification(@PathVariable String reference, Model model) {
		model.addAttribute("identification", activation.identification(reference)
			.orElseThrow(() -> new ActivationLinkException(ActivationLinkException.Problem.UNKNOWN)));
		return "services/demo-identification";
	}

	@PostMapping("/identification/demo/{reference}")
	String demoOutcome(@PathVariable String reference, @RequestParam String outcome, RedirectAttributes redirect) {
		boolean succeeded = "success".equals(outcome);
		activation.identificationCompleted(reference, succeeded);
		redirect.addFlashAttribute(succeeded ? "success" : "error",
				succeeded ? "identification.succeeded" : "identification.failed");
		return "redirect:/identification/demo/" + reference;
	}

	@ExceptionHandler(ActivationLinkException.class)
	String linkNotUsable(ActivationLinkException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.problem() == ActivationLinkException.Problem.UNKNOWN ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.GONE.value());
		model.addAttribute("problem", ex.problem().name());
		return "services/link-problem";
	}

	private String page(String token, ActivationPage page, Model model) {
		model.addAttribute("activation", page);
		model.addAttribute("token", token);
		return "services/activate";
	}
}
