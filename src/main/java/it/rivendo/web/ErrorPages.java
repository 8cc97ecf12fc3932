package it.rivendo.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors the user can cause, answered with a page in the shop's frame instead of a bare
 * status.
 */
@ControllerAdvice
class ErrorPages {

	private final ShellAdvice shell;

	ErrorPages(ShellAdvice shell) {
		this.shell = shell;
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(@AuthenticationPrincipal ShopUser user, HttpServletRequest request, Model model) {
		return page("error/404", user, request, model);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(@AuthenticationPrincipal ShopUser user, HttpServletRequest request, Model model) {
		return page("error/400", user, request, model);
	}

	/**
	 * A domain refusal: on a handler that names its page ({@link OnRefusal}), back there
	 * with the message, as after a success; otherwise a 409 page saying why.
	 */
	@ExceptionHandler(Refusal.class)
	String refused(Refusal refusal, HandlerMethod handler, @AuthenticationPrincipal ShopUser user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		OnRefusal back = handler.getMethodAnnotation(OnRefusal.class);
		if (back != null) {
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("error", refusal.messageKey());
			flash.put("errorArguments", refusal.arguments());
			@SuppressWarnings("unchecked")
			Map<String, String> variables = (Map<String, String>) request
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			return "redirect:" + UriComponentsBuilder.fromPath(back.value())
				.buildAndExpand(variables == null ? Map.of() : variables)
				.encode()
				.toUriString();
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("refusal", refusal);
		return page("error/409", user, request, model);
	}

	private String page(String view, ShopUser user, HttpServletRequest request, Model model) {
		model.addAttribute("shell", shell.shellFor(user, request));
		model.addAttribute("fmt", shell.formats());
		return view;
	}

}
