package it.rivendo.handoff.web;

import it.rivendo.handoff.Handoff;
import it.rivendo.handoff.HandoffGrant;
import it.rivendo.handoff.HandoffPreview;
import it.rivendo.handoff.HandoffRefusedException;
import it.rivendo.handoff.HandoffTicket;
import it.rivendo.handoff.QrCodes;
import it.rivendo.identity.ShopUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The computer asks for a QR code of the page it is on; the phone scans it, sees whom it
 * will be signed in as (and, if it is signed in as someone else, that it will leave that
 * account), and after a tap (a POST with the CSRF token) is signed in as the same
 * reseller in a session of its own, on the same page. Opening the link changes nothing: a
 * link sent to someone else cannot slip them into the sender's account unawares.
 */
@Controller
class HandoffController {

	private final Handoff handoff;

	private final QrCodes qrCodes;

	private final UserDetailsService users;

	private final Clock clock;

	private final CsrfTokenRepository csrfTokens;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	HandoffController(Handoff handoff, QrCodes qrCodes, UserDetailsService users, Clock clock,
			CsrfTokenRepository csrfTokens) {
		this.handoff = handoff;
		this.qrCodes = qrCodes;
		this.users = users;
		this.clock = clock;
		this.csrfTokens = csrfTokens;
	}

	@PostMapping("/account/handoff")
	String create(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String path,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			HandoffTicket ticket = handoff.create(user, request.getSession().getId(), path,
					request.getHeader("User-Agent"), request.getRemoteAddr());
			redirect.addFlashAttribute("ticket", ticket);
			return "redirect:/account/handoff";
		}
		catch (HandoffRefusedException ex) { // back to the page it was asked on, which
												// @OnRefusal cannot name
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:" + (Handoff.continuable(path) ? path : "/catalog");
		}
	}

	/**
	 * Shown once, right after it was made: the token exists only in the QR code and the
	 * link.
	 */
	@GetMapping("/account/handoff")
	String show(Model model) {
		HandoffTicket ticket = (HandoffTicket) model.getAttribute("ticket");
		if (ticket == null) {
			return "handoff/gone";
		}
		model.addAttribute("qr", qrCodes.dataUri(ticket.url()));
		model.addAttribute("secondsLeft",
				Math.max(0, Duration.between(clock.instant(), ticket.expiresAt()).toSeconds()));
		return "handoff/show";
	}

	/**
	 * Opening the link changes nothing: it shows whom the tap will sign in, and where.
	 */
	@GetMapping("/handoff/{token}")
	String open(@PathVariable String token, @AuthenticationPrincipal ShopUser current, Model model,
			HttpServletResponse response) {
		return confirm(handoff.previewToken(token), current, "/handoff/" + token, null, model, response);
	}

	@PostMapping("/handoff/{token}")
	String useToken(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		return signIn(handoff.useToken(token, request.getHeader("User-Agent"), request.getRemoteAddr()), request,
				response);
	}

	@GetMapping("/h")
	String typeCode() {
		return "handoff/code";
	}

	@GetMapping("/h/{code}")
	String openCode(@PathVariable String code, Model model) {
		model.addAttribute("code", code);
		return "handoff/code";
	}

	/**
	 * A typed code first shows whom it would sign in; the tap on that page
	 * ({@code confirm}) uses it up.
	 */
	@PostMapping("/h")
	String useCode(@RequestParam(required = false) String code, @RequestParam(defaultValue = "false") boolean confirm,
			@AuthenticationPrincipal ShopUser current, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String agent = request.getHeader("User-Agent");
		if (!confirm) {
			return confirm(handoff.previewCode(code, agent, request.getRemoteAddr()), current, "/h", code, model,
					response);
		}
		return signIn(handoff.useCode(code, agent, request.getRemoteAddr()), request, response);
	}

	private String confirm(Optional<HandoffPreview> preview, ShopUser current, String action, String code, Model model,
			HttpServletResponse response) {
		if (preview.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "handoff/problem";
		}
		model.addAttribute("preview", preview.get());
		model.addAttribute("action", action);
		model.addAttribute("code", code);
		// a browser signed in as someone else is told that continuing leaves that account
		model.addAttribute("otherAccount",
				current != null && !current.getUsername().equalsIgnoreCase(preview.get().email()) ? current : null);
		return "handoff/confirm";
	}

	private String signIn(Optional<HandoffGrant> grant, HttpServletRequest request, HttpServletResponse response) {
		if (grant.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "handoff/problem";
		}
		UserDetails user = users.loadUserByUsername(grant.get().email());
		if (user instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate(); // a new session of its own; the computer's is another one
								// and stays as it is
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		csrfTokens.saveToken(null, request, response); // a new CSRF token for the new
														// sign-in, as at login
		return "redirect:" + grant.get().targetPath();
	}

}
