package it.rivendo.mail.web;

import it.rivendo.mail.MailOutbox;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff read every e-mail the shop wrote, with its delivery status, attempts and last
 * error, and can send one again. The HTML body is served on its own, sandboxed, so that
 * nothing in it runs in the shop's pages.
 */
@Controller
class AdminOutboxController {

	private final MailOutbox outbox;

	AdminOutboxController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("messages", outbox.latest(page));
		model.addAttribute("pending", outbox.pendingCount());
		model.addAttribute("failed", outbox.failedCount());
		return "mail/admin-outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("message", outbox.entry(id));
		return "mail/admin-outbox-message";
	}

	@GetMapping("/admin/outbox/{id}/html")
	ResponseEntity<String> html(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(outbox.entry(id).bodyHtml());
	}

	@PostMapping("/admin/outbox/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		outbox.sendAgain(id);
		redirect.addFlashAttribute("success", "outbox.requeued");
		return "redirect:/admin/outbox/" + id;
	}

}
