package it.rivendo.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Errors the user can cause, answered with a page in the shop's frame instead of a bare status. */
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

	private String page(String view, ShopUser user, HttpServletRequest request, Model model) {
		model.addAttribute("shell", shell.shellFor(user, request));
		model.addAttribute("fmt", shell.formats());
		return view;
	}
}
