package it.rivendo.services.web;

import it.rivendo.services.Activation;
import it.rivendo.services.ActivationLinkException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo identification provider's page, labelled as a simulation: the end customer
 * chooses the outcome. It exists only in the {@code demo} profile; an identification that
 * is not the demo provider's is not found here.
 */
@Controller
@Profile("demo")
class DemoIdentificationController {

	private final Activation activation;

	DemoIdentificationController(Activation activation) {
		this.activation = activation;
	}

	@GetMapping("/identification/demo/{reference}")
	String demoIdentification(@PathVariable String reference, Model model) {
		model.addAttribute("identification",
				activation.identification(reference)
					.filter(found -> !found.checkedByStaff())
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

}
