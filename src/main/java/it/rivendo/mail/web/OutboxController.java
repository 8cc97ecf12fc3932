package it.rivendo.mail.web;

import it.rivendo.mail.internal.OutboxMessage;
import it.rivendo.mail.internal.OutboxMessageRepository;
import it.rivendo.shared.NotFoundException;
import java.time.Clock;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff read every e-mail the shop wrote, with its delivery status, attempts and last error, and can send one
 * again. The HTML body is served on its own, sandboxed, so that nothing in it runs in the shop's pages.
 */
@Controller
class OutboxController {

	private final OutboxMessageRepository messages;
	private final Clock clock;

	OutboxController(OutboxMessageRepository messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("messages", messages.findAllByOrderByIdDesc(PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("pending", messages.countByStatus(OutboxMessage.Status.PENDING));
		model.addAttribute("failed", messages.countByStatus(OutboxMessage.Status.FAILED));
		return "mail/outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("message", message(id));
		return "mail/outbox-message";
	}

	@GetMapping("/admin/outbox/{id}/html")
	ResponseEntity<String> html(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(message(id).bodyHtml());
	}

	@PostMapping("/admin/outbox/{id}/resend")
	@Transactional
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		message(id).retryNow(clock.instant());
		redirect.addFlashAttribute("success", "outbox.requeued");
		return "redirect:/admin/outbox/" + id;
	}

	private OutboxMessage message(long id) {
		return messages.findById(id).orElseThrow(() -> new NotFoundException("message " + id));
	}
}
