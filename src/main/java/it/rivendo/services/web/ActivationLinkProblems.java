package it.rivendo.services.web;

import it.rivendo.services.ActivationLinkException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An activation link or identification that cannot be used: a clear page, 404 (unknown)
 * or 410 (used, expired). Asked before the shop-wide refusal handling, which would answer
 * this refusal with a 409.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = { ActivationController.class, DemoIdentificationController.class })
class ActivationLinkProblems {

	@ExceptionHandler(ActivationLinkException.class)
	String linkNotUsable(ActivationLinkException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.problem() == ActivationLinkException.Problem.UNKNOWN ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.GONE.value());
		model.addAttribute("problem", ex.problem().name());
		return "services/link-problem";
	}

}
