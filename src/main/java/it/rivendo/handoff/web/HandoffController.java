package it.rivendo.handoff.web;

import it.rivendo.handoff.Handoff;
import it.rivendo.handoff.HandoffGrant;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The computer asks for a QR code of the page it is on; the phone scans it, and after one POST (sent by the page's
 * script, or a tap without it) is signed in as the same reseller in a session of its own, on the same page.
 */
@Controller
class HandoffController {

	private final Handoff handoff;
	private final QrCodes qrCodes;
	private final UserDetailsService users;
	private final Clock clock;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	HandoffController(Handoff handoff, QrCodes qrCodes, UserDetailsService users, Clock clock) {
		this.handoff = handoff;
		this.qrCodes = qrCodes;
		this.users = users;
		this.clock = clock;
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
		catch (HandoffRefusedException ex) {
			redirect.addFlashAttribute("error", "handoff.refused." + ex.reason());
			return "redirect:" + (Handoff.continuable(path) ? path : "/catalog");
		}
	}

	/** Shown once, right after it was made: the token exists only in the QR code and the link. */
	@GetMapping("/account/handoff")
	String show(Model model) {
		HandoffTicket ticket = (HandoffTicket) model.getAttribute("ticket");
		if (ticket == null) {
			return "handoff/gone";
		}
		model.addAttribute("qr", qrCodes.dataUri(ticket.url()));
		model.addAttribute("secondsLeft", Math.max(0, Duration.between(clock.instant(), ticket.expiresAt()).toSeconds()));
		return "handoff/show";
	}

	/** Opening the link changes nothing; the page's form continues. */
	@GetMapping("/handoff/{token}")
	String open(@PathVariable String token, Model model) {
		model.addAttribute("action", "/handoff/" + token);
		return "handoff/continue";
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

	@PostMapping("/h")
	String useCode(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response) {
		return signIn(handoff.useCode(code, request.getHeader("User-Agent"), request.getRemoteAddr()), request,
				response);
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
			old.invalidate(); // a new session of its own; the computer's is another one and stays as it is
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:" + grant.get().targetPath();
	}
}
